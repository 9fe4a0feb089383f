// How tools write what they answer: local dates and times in the studio's zone, money with its currency, and
// the shared input shapes (local dates, a room by id or name). Pure.
import { z } from 'zod'

import { currencyExponent } from '../../../../utilities/currencyExponent'
import { wallClockAt } from '../../../../utilities/wallClock'

// Dates and times as the public booking API writes them: booking's own helpers.
export { addDays, formatInZone } from '../../../booking'

const DAY_MS = 86_400_000

const plausible = (value: string) => {
  const year = Number(value.slice(0, 4))
  return year >= 2000 && year <= 2199
}
/** A local date in the studio's zone, YYYY-MM-DD. */
export const localDate = z.iso.date().refine(plausible, 'A date between the years 2000 and 2199.')

/** Text matched with Payload's `like` (SQL ILIKE, which does not escape them): no `%` or `\\` wildcards. */
export const searchText = (min: number, max: number) => z.string().trim().min(min).max(max).refine((value) => !/[%\\]/.test(value), 'No % or \\ characters.')

/** A room by id, or by name or slug (case-insensitive). */
export const roomReference = z.union([z.number().int().positive().max(2 ** 31 - 1), searchText(1, 120)])

export const roomReferenceSchema = {
  description: 'The room: its id (a number) or its name.',
  oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', minLength: 1, maxLength: 120 }],
}

/** Whole days from `from` to `to` (local dates), negative when `to` comes first. */
export const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS

/** The zone's offset from UTC at an instant, in ms (to the second). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone)
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(epochMs / 1000) * 1000
}

/** The instant a local date begins in `timeZone` (its first existing minute). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wallMs = Date.parse(`${date}T00:00:00Z`)
  // Two passes settle the offset, also when midnight falls on a change of offset.
  let instant = wallMs - offsetMsAt(wallMs, timeZone)
  instant = wallMs - offsetMsAt(instant, timeZone)
  return new Date(instant)
}

export type Money = { amount: number; currency: string; formatted: string }

/** Minor units as money a person reads: `{ amount: 3000, currency: 'EUR', formatted: '30.00 EUR' }`. */
export function money(amount: number, currency: string): Money {
  const exponent = currencyExponent(currency)
  const sign = amount < 0 ? '-' : ''
  const digits = String(Math.abs(Math.trunc(amount))).padStart(exponent + 1, '0')
  const whole = exponent > 0 ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits
  return { amount, currency, formatted: `${sign}${whole} ${currency}` }
}
