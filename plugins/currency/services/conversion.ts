// Exact currency conversion through EUR. Pure. No JavaScript float ever holds a rate or an amount: rates go
// from their stored decimal strings straight into Decimal, amounts from safe integers into Decimal.
//
// Rounding rule: one rounding, half-even (banker's), at the target currency's minor unit, at the very end.
// The result is amount × 10^(exp(to) − exp(from)) × to_per_EUR / from_per_EUR as one Decimal expression; the
// cross rate through EUR is never rounded before use (the division comes last, carried to 60 digits).
import Decimal from 'decimal.js'

import { currencyExponent } from '../../../utilities/currencyExponent'

/** Rates are per 1 EUR, as exact decimal strings; EUR itself is '1'. */
export type RateTable = Record<string, string>

export type Conversion = {
  /** Minor units of the target currency. */
  amount: number
  /** The cross rate (units of `to` per unit of `from`), 15 significant digits, trailing zeros trimmed. */
  rate: string
}

export class UnknownCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`No exchange rate for currency ${currency}.`)
    this.name = 'UnknownCurrencyError'
  }
}

// 60 digits: amount (≤ 16 digits) × 10^shift × a rate stays exact, and the one division is close enough
// that a quotient which is not exactly x.5 can never be rounded onto x.5 before the final rounding.
const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 })

const BASE = 'EUR'
const POSITIVE_DECIMAL = /^\d+(\.\d+)?$/
const RATE_DIGITS = 15

/** The stored rate of `code` per 1 EUR, checked to be a positive decimal string. */
function ratePerEur(code: string, rates: RateTable): Decimal {
  // EUR is the base by definition, whether or not the table lists it.
  if (code === BASE) return new Exact(1)
  const rate = Object.hasOwn(rates, code) ? rates[code] : undefined
  if (typeof rate !== 'string') throw new UnknownCurrencyError(code)
  if (!POSITIVE_DECIMAL.test(rate) || !/[1-9]/.test(rate)) throw new RangeError(`The rate of ${code} is not a positive decimal: '${rate}'.`)
  return new Exact(rate)
}

/** Units of `to` per unit of `from`: to_per_EUR / from_per_EUR, at 60 significant digits. */
export function crossRate(from: string, to: string, rates: RateTable): Decimal {
  const fromRate = ratePerEur(from, rates)
  const toRate = ratePerEur(to, rates)
  return from === to ? new Exact(1) : toRate.div(fromRate)
}

/** A safe integer as a Decimal; anything else (a fraction, NaN, beyond 2^53 − 1) is a RangeError. */
function exactAmount(amount: number | bigint): Decimal {
  if (typeof amount === 'bigint') {
    if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`The amount ${amount} is not a safe integer.`)
    }
    return new Exact(amount.toString())
  }
  if (!Number.isSafeInteger(amount)) throw new RangeError(`The amount ${amount} is not a safe integer.`)
  return new Exact(amount)
}

/**
 * Converts `amount` minor units of `from` into minor units of `to` through EUR, rounded once, half-even, to the
 * target's minor unit. The same currency gives the amount back unchanged at rate '1'.
 */
export function convertMinor(
  amount: number | bigint,
  from: string,
  to: string,
  rates: RateTable,
  exponentOf: (code: string) => number = currencyExponent,
): Conversion {
  const minor = exactAmount(amount)
  const fromRate = ratePerEur(from, rates)
  const toRate = ratePerEur(to, rates)
  if (from === to) return { amount: minor.toNumber(), rate: '1' }

  const shift = exponentOf(to) - exponentOf(from)
  if (!Number.isInteger(shift)) throw new RangeError(`Currency exponents must be integers (${from} → ${to}).`)
  // Multiplications first (exact at this precision), the division last, then the one rounding.
  const result = minor.times(new Exact(10).pow(shift)).times(toRate).div(fromRate).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)
  const rate = toRate.div(fromRate).toSignificantDigits(RATE_DIGITS, Decimal.ROUND_HALF_EVEN).toFixed()
  // The converted amount may outgrow 2^53 (a large amount into a weak currency): no silent precision loss.
  // `+ 0` turns a negative amount rounded to −0 into 0.
  const converted = result.toNumber() + 0
  if (!Number.isSafeInteger(converted)) throw new RangeError(`The converted amount ${result.toFixed()} is not a safe integer.`)
  return { amount: converted, rate }
}
