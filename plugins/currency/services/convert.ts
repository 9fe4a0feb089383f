// Conversions as the API answers them: the newest rates (or a past day's), never stale ones, exact to the
// target's minor unit (see conversion.ts for the rounding rule).
import type { Payload } from 'payload'

import { conflict, HttpError } from '../../../utilities/apiErrors'
import { convertMinor, crossRate, type RateTable } from './conversion'
import { currencyOptions, PROVIDER } from './options'
import { type DatedRates, latestRates, ratesOn } from './rateCache'
import { isStale } from './staleness'

export type ConvertAnswer = { amount: number; currency: string; provider: string; rate: string; rateDate: string }

const unknownCurrency = (code: string, path: string) =>
  new HttpError(400, `${code} is not an active currency.`, [{ message: `${code} is not an active currency.`, path }], { code: 'unknown_currency' })

/** The rates to convert with now or on `date`: 409 when there are none, or when they are too old for that day. */
export async function usableRates(payload: Payload, date?: string, now = new Date()): Promise<DatedRates> {
  const table = date ? await ratesOn(payload, date) : await latestRates(payload)
  if (!table) throw conflict(date ? `No exchange rates are known on or before ${date}.` : 'No exchange rates are known yet.', 'rates_unavailable')
  const { maxAgeDays } = currencyOptions(payload)
  if (isStale(table.date, date ?? now, maxAgeDays)) {
    const message = `The newest exchange rates are from ${table.date}, more than ${maxAgeDays} days before ${date ?? 'today'}: no conversion until they are refreshed.`
    throw new HttpError(409, message, [{ message }], { code: 'rates_stale', rateDate: table.date })
  }
  return table
}

export async function convertAmount(payload: Payload, input: { amount: number; date?: string; from: string; to: string }, now = new Date()): Promise<ConvertAnswer> {
  const table = await usableRates(payload, input.date, now)
  if (!table.rates[input.from]) throw unknownCurrency(input.from, 'from')
  if (!table.rates[input.to]) throw unknownCurrency(input.to, 'to')
  const { amount, rate } = convertedOrTooLarge(input.amount, input.from, input.to, table.rates)
  return { amount, currency: input.to, provider: PROVIDER, rate, rateDate: table.date }
}

/** The conversion, or 400 `amount_too_large` when the result would pass 2^53 − 1 minor units. */
function convertedOrTooLarge(amount: number, from: string, to: string, rates: RateTable) {
  try {
    return convertMinor(amount, from, to, rates)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    const message = `${amount} ${from} is more ${to} than can be counted exactly.`
    throw new HttpError(400, message, [{ message, path: 'amount' }], { code: 'amount_too_large' })
  }
}

/** Every active currency's rate per 1 `base`, as exact decimal strings (10 significant digits past EUR). */
export function rebase(rates: RateTable, base: string): RateTable {
  if (!rates[base]) throw unknownCurrency(base, 'base')
  if (base === 'EUR') return rates
  return Object.fromEntries(Object.keys(rates).map((code) => [code, code === base ? '1' : crossRate(base, code, rates).toSignificantDigits(10).toString()]))
}

/**
 * A public booking's shown price, converted with the rates of `rateDate` (the page's) or the newest. Null when
 * those rates are stale today or missing, or the studio's currency has no rate: the page showed no conversion.
 */
export async function displaySnapshot(
  payload: Payload,
  request: { amount: number; from: string; rateDate?: string; to: string },
  now = new Date(),
): Promise<null | { amount: number; currency: string; rate: string; rateDate: string }> {
  const table = request.rateDate ? await ratesOn(payload, request.rateDate) : await latestRates(payload)
  if (table && !table.rates[request.to]) throw unknownCurrency(request.to, 'display.currency')
  if (!table || isStale(table.date, now, currencyOptions(payload).maxAgeDays) || !table.rates[request.from]) return null
  try {
    const { amount, rate } = convertMinor(request.amount, request.from, request.to, table.rates)
    return { amount, currency: request.to, rate, rateDate: table.date }
  } catch (error) {
    // Beyond exact integers: the page could not show it either, and the booking goes ahead without.
    if (error instanceof RangeError) return null
    throw error
  }
}
