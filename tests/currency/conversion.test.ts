import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { convertMinor, crossRate, type RateTable, UnknownCurrencyError } from '../../plugins/currency/services/conversion'

// The Friday fixture's rates (per 1 EUR), plus KWD, which the ECB does not publish.
const rates: RateTable = {
  CAD: '1.4785',
  CHF: '0.9371',
  EUR: '1',
  GBP: '0.84530',
  JPY: '162.45',
  KWD: '0.32',
  SEK: '11.4875',
  USD: '1.0512',
}
const codes = Object.keys(rates)
/** Fictional currencies for the rounding cases: every one has two decimals. */
const twoDecimals = () => 2

describe('cross rates through EUR, computed by hand', () => {
  it('USD → GBP', () => {
    // USD 100.00 = 10000 cents; both have two decimals, so no shift.
    // 10000 × 0.84530 / 1.0512 = 8453 / 1.0512 = 84530000 / 10512 = 8041.286…
    // (1.0512 × 8041 = 8452.6992, remainder 0.3008 / 1.0512 = 0.286) → 8041 pence.
    // Rate 0.84530 / 1.0512 = 0.804128614916286|149… → 15 significant digits.
    expect(convertMinor(10000, 'USD', 'GBP', rates)).toEqual({ amount: 8041, rate: '0.804128614916286' })
    expect(crossRate('USD', 'GBP', rates).toSignificantDigits(15).toFixed()).toBe('0.804128614916286')
  })

  it('JPY → CHF', () => {
    // ¥50000, JPY has no decimals and CHF two: shift +2.
    // 50000 × 100 × 0.9371 / 162.45 = 4685500 / 162.45;
    // 162.45 × 28842 = 4685382.9, remainder 117.1 / 162.45 = 0.7208 → 28842.72 → 28843 (CHF 288.43).
    // Rate 0.9371 / 162.45 = 0.00576854416743613|419…
    expect(convertMinor(50000, 'JPY', 'CHF', rates)).toEqual({ amount: 28843, rate: '0.00576854416743613' })
  })

  it('CAD → SEK', () => {
    // CAD 123.45 = 12345 cents → öre, no shift.
    // 12345 × 11.4875 = 135795 + 6018.1875 = 141813.1875; 1.4785 × 95916 = 141811.806,
    // remainder 1.3815 / 1.4785 = 0.934 → 95916.93 → 95917 öre (SEK 959.17).
    // Rate 11.4875 / 1.4785 = 7.76969901927629|354…
    expect(convertMinor(12345, 'CAD', 'SEK', rates)).toEqual({ amount: 95917, rate: '7.76969901927629' })
  })

  it('the opposite direction is the reciprocal rate', () => {
    const there = crossRate('USD', 'GBP', rates)
    const back = crossRate('GBP', 'USD', rates)
    expect(there.times(back).toSignificantDigits(30).toFixed()).toBe('1')
  })
})

describe('half-even rounding, exactly at .5 minor units', () => {
  it('1.5 rounds up to 2 and 4.5 down to 4 (EUR → X at 1.5)', () => {
    const table = { X: '1.5' }
    expect(convertMinor(1, 'EUR', 'X', table, twoDecimals).amount).toBe(2)
    expect(convertMinor(3, 'EUR', 'X', table, twoDecimals).amount).toBe(4)
  })

  it('2.5 rounds down to 2 and 7.5 up to 8 (Y → X at 10 / 4)', () => {
    const table = { X: '10', Y: '4' }
    expect(convertMinor(1, 'Y', 'X', table, twoDecimals).amount).toBe(2)
    expect(convertMinor(3, 'Y', 'X', table, twoDecimals).amount).toBe(8)
  })

  it('the cross rate is not rounded before use: 3 × (1/6) is exactly 0.5 → 0, 9 × (1/6) = 1.5 → 2', () => {
    // A cross rate rounded first (0.1666666667) would make 3 × it 0.5000000001 → 1.
    const table = { X: '6' }
    expect(convertMinor(3, 'X', 'EUR', table, twoDecimals).amount).toBe(0)
    expect(convertMinor(9, 'X', 'EUR', table, twoDecimals).amount).toBe(2)
  })

  it('negative amounts round half-even too, and never to -0', () => {
    expect(convertMinor(-1, 'EUR', 'X', { X: '1.5' }, twoDecimals).amount).toBe(-2)
    expect(Object.is(convertMinor(-3, 'X', 'EUR', { X: '6' }, twoDecimals).amount, 0)).toBe(true)
  })
})

describe('minor units of other sizes', () => {
  it('KWD has three decimals: EUR 10.00 → KWD 3.200', () => {
    // 1000 cents × 10^(3 − 2) × 0.32 = 3200 fils.
    expect(convertMinor(1000, 'EUR', 'KWD', rates)).toEqual({ amount: 3200, rate: '0.32' })
  })

  it('KWD → JPY: KWD 1.000 → ¥508', () => {
    // 1000 fils × 10^(0 − 3) × 162.45 / 0.32 = 507.65625 → 508.
    expect(convertMinor(1000, 'KWD', 'JPY', rates)).toEqual({ amount: 508, rate: '507.65625' })
  })

  it('JPY has no decimals', () => {
    // 10000 cents × 10^(0 − 2) × 162.45 = 16245 yen; 1 cent → 1.6245 → ¥2; ¥1 → 100 / 162.45 = 0.616 → 1 cent.
    expect(convertMinor(10000, 'EUR', 'JPY', rates)).toEqual({ amount: 16245, rate: '162.45' })
    expect(convertMinor(1, 'EUR', 'JPY', rates).amount).toBe(2)
    expect(convertMinor(1, 'JPY', 'EUR', rates).amount).toBe(1)
  })

  it('EUR → JPY → EUR comes back within one minor unit', () => {
    for (const cents of [1, 99, 8000, 123456789]) {
      const yen = convertMinor(cents, 'EUR', 'JPY', rates).amount
      const back = convertMinor(yen, 'JPY', 'EUR', rates).amount
      expect(Math.abs(back - cents), `${cents} → ¥${yen} → ${back}`).toBeLessThanOrEqual(1)
    }
    // 123456789 cents × 1.6245 = 200555553.7… → ¥200555554.
    expect(convertMinor(123456789, 'EUR', 'JPY', rates).amount).toBe(200555554)
  })
})

describe('identity, unknown currencies and unsafe amounts', () => {
  it('the same currency gives the amount back at rate 1', () => {
    expect(convertMinor(12345, 'USD', 'USD', rates)).toEqual({ amount: 12345, rate: '1' })
    expect(convertMinor(7, 'EUR', 'EUR', {})).toEqual({ amount: 7, rate: '1' })
    expect(crossRate('JPY', 'JPY', rates).toFixed()).toBe('1')
  })

  it('EUR is the base even when the table does not list it', () => {
    expect(convertMinor(1000, 'EUR', 'KWD', { KWD: '0.32' }).amount).toBe(3200)
  })

  it('a currency missing from the table is an UnknownCurrencyError naming it', () => {
    expect(() => convertMinor(100, 'EUR', 'XYZ', rates)).toThrow(UnknownCurrencyError)
    expect(() => crossRate('ABC', 'EUR', rates)).toThrow(UnknownCurrencyError)
    try {
      convertMinor(100, 'XYZ', 'EUR', rates)
      expect.unreachable()
    } catch (error) {
      expect((error as UnknownCurrencyError).currency).toBe('XYZ')
    }
    // Object's own properties are not currencies.
    expect(() => convertMinor(100, 'EUR', 'constructor', rates)).toThrow(UnknownCurrencyError)
  })

  it('a stored rate that is not a positive decimal is refused', () => {
    expect(() => convertMinor(100, 'EUR', 'X', { X: '0' }, twoDecimals)).toThrow(RangeError)
    expect(() => convertMinor(100, 'EUR', 'X', { X: '1e3' }, twoDecimals)).toThrow(RangeError)
  })

  it('an amount that is not a safe integer is a RangeError', () => {
    for (const amount of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53), 2n ** 53n]) {
      expect(() => convertMinor(amount, 'EUR', 'USD', rates), String(amount)).toThrow(RangeError)
    }
  })

  it('bigint amounts convert like numbers', () => {
    expect(convertMinor(10000n, 'USD', 'GBP', rates)).toEqual(convertMinor(10000, 'USD', 'GBP', rates))
    expect(convertMinor(BigInt(Number.MAX_SAFE_INTEGER), 'EUR', 'EUR', rates).amount).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('a result beyond 2^53 − 1 is a RangeError, not a rounded number', () => {
    // 9007199254740991 cents × 1.6245 ≈ 1.46e16 yen.
    expect(() => convertMinor(Number.MAX_SAFE_INTEGER, 'EUR', 'JPY', rates)).toThrow(RangeError)
  })
})

describe('properties', () => {
  const code = fc.constantFrom(...codes)
  // Small enough that no pair of this table leaves the safe integers (the largest factor is about 5 × 10^5).
  const amount = fc.integer({ max: 10_000_000_000, min: 0 })

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(code, code, amount, amount, (from, to, first, second) => {
        const [low, high] = first <= second ? [first, second] : [second, first]
        return convertMinor(low, from, to, rates).amount <= convertMinor(high, from, to, rates).amount
      }),
    )
  })

  it('converts zero to zero', () => {
    fc.assert(fc.property(code, code, (from, to) => convertMinor(0, from, to, rates).amount === 0))
  })

  it('EUR → any currency → EUR comes back within one cent', () => {
    fc.assert(
      fc.property(code, fc.integer({ max: 1_000_000_000, min: 0 }), (to, cents) => {
        const there = convertMinor(cents, 'EUR', to, rates).amount
        const back = convertMinor(there, to, 'EUR', rates).amount
        // Two roundings: half a target unit (at most 0.6 cents here: half a penny) plus half a cent.
        return Math.abs(back - cents) <= 1
      }),
    )
  })
})
