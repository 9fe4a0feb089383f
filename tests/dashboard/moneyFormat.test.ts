import { describe, expect, it } from 'vitest'

import { formatMinorUnits, minorUnitsAsInput, parseAmount } from '../../plugins/dashboard/services/moneyFormat'

const minor = (input: string, currency = 'EUR') => {
  const parsed = parseAmount(input, currency)
  return parsed.ok ? parsed.minorUnits : parsed.message
}

describe('money as people read and type it', () => {
  it('formats minor units with the currency’s exponent, in the admin language', () => {
    expect(formatMinorUnits(8050, 'EUR', 'en')).toBe('€80.50')
    expect(formatMinorUnits(8050, 'EUR', 'fr')).toBe('80,50\u00a0€')
    expect(formatMinorUnits(8000, 'JPY', 'en')).toBe('¥8,000')
    expect(formatMinorUnits(80_500, 'KWD', 'en')).toBe('KWD\u00a080.500')
    expect(minorUnitsAsInput(128_050, 'EUR', 'fr')).toBe('1280,50')
  })

  it('reads "80", "80.50", "80,50" and grouped thousands as minor units', () => {
    expect(minor('80')).toBe(8000)
    expect(minor('80.5')).toBe(8050)
    expect(minor('80,50')).toBe(8050)
    expect(minor(' 1 280,50 ')).toBe(128_050)
    expect(minor('1,280.50')).toBe(128_050)
    expect(minor('1.280,50')).toBe(128_050)
    expect(minor('1,280,000')).toBe(128_000_000)
    expect(minor('0,07')).toBe(7)
    expect(minor('8000', 'JPY')).toBe(8000)
    expect(minor('80,505', 'KWD')).toBe(80_505)
  })

  it('refuses more decimals than the currency has, and what is not an amount', () => {
    expect(minor('80,505')).toMatch(/At most 2 decimals/)
    expect(minor('80.5', 'JPY')).toMatch(/no decimals/)
    expect(minor('')).toMatch(/Enter an amount/)
    expect(minor('-5')).toMatch(/digits only/)
    expect(minor('80,')).toMatch(/digits only/)
    expect(minor('1,2,3.4.5')).toMatch(/digits only/)
    expect(minor('12e3')).toMatch(/digits only/)
    expect(minor('9'.repeat(20))).toMatch(/too large/)
  })

  it('words its refusals in the admin language', () => {
    const refused = parseAmount('80,505', 'EUR', 'fr')
    expect(refused.ok ? refused.minorUnits : refused.message).toBe('2 décimales au plus pour EUR.')
    const japanese = parseAmount('80.5', 'JPY', 'fr')
    expect(japanese.ok ? japanese.minorUnits : japanese.message).toMatch(/JPY n’a pas de décimales/)
  })

  it('reads back what it formats, in both languages and all three exponents', () => {
    for (const language of ['en', 'fr']) {
      for (const [amount, currency] of [[128_050, 'EUR'], [8000, 'JPY'], [80_505, 'KWD'], [7, 'EUR']] as const) {
        const parsed = parseAmount(minorUnitsAsInput(amount, currency, language), currency, language)
        expect(parsed.ok ? parsed.minorUnits : parsed.message, `${amount} ${currency} ${language}`).toBe(amount)
      }
    }
    expect(formatMinorUnits(128_050, 'EUR', 'fr')).toBe('1\u202f280,50\u00a0€')
    expect(formatMinorUnits(80_505, 'KWD', 'fr')).toMatch(/^80,505\u00a0KWD$/)
    expect(formatMinorUnits(8000, 'JPY', 'fr')).toMatch(/^8\u202f000\u00a0(JPY|¥)$/)
  })
})
