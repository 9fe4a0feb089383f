// The labels and formats the public booking pages share: calendar dates as `YYYY-MM-DD` strings, wall-clock
// times read straight from the API's offset strings (already in the studio's zone), durations, and money in
// minor units. Pure. What a booking costs, whether it can be paid or cancelled, and its status label come
// from the API; nothing here decides them.
import { currencyExponent } from '../../../../utilities/currencyExponent'

const PAGE_LOCALE = 'en-GB'
const DAY_MS = 86_400_000

/** A plausible email address, to say so next to the field before asking the server (which decides). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Today's calendar date in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { day: '2-digit', month: '2-digit', timeZone, year: 'numeric' }).formatToParts(now)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** `date` moved by `days` calendar days (no time zone involved). */
export const addDays = (date: string, days: number): string => new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10)

/** "Monday 30 November" for a calendar date, whatever the browser's zone. */
export const dayLabel = (date: string): string =>
  new Intl.DateTimeFormat(PAGE_LOCALE, { day: 'numeric', month: 'long', timeZone: 'UTC', weekday: 'long' }).format(utcMidnight(date))

/** "4 December 2026" for a calendar date. */
export const longDate = (date: string): string =>
  new Intl.DateTimeFormat(PAGE_LOCALE, { day: 'numeric', month: 'long', timeZone: 'UTC', year: 'numeric' }).format(utcMidnight(date))

/** "30 Nov" for a calendar date. */
export const shortDayLabel = (date: string): string =>
  new Intl.DateTimeFormat(PAGE_LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcMidnight(date))

/** The wall-clock `HH:MM` of an API time such as `2026-11-30T10:00:00+01:00`, as written (studio zone). */
export const wallTime = (instant: string): string => instant.slice(11, 16)

/** The calendar date of an API time, as written (studio zone). */
export const wallDate = (instant: string): string => instant.slice(0, 10)

/** "10:00 – 11:00", with the end date when a booking runs past midnight (wall-clock times of the studio). */
export function timeRange(start: string, end: string): string {
  const endsAnotherDay = wallDate(end) !== wallDate(start)
  return `${wallTime(start)} – ${endsAnotherDay ? `${shortDayLabel(wallDate(end))}, ` : ''}${wallTime(end)}`
}

/** "Monday 30 November 2026". */
export const fullDate = (instant: string): string => `${dayLabel(wallDate(instant))} ${wallDate(instant).slice(0, 4)}`

/** "14:30 on 30 Nov": when a hold ends, in the studio's wall-clock time. */
export const holdDeadline = (instant: string): string => `${wallTime(instant)} on ${shortDayLabel(wallDate(instant))}`

/** "1 h", "1 h 30 min", "45 min". */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** Formats an integer amount of minor units (cents) of `currency`. */
export function formatMoney(minor: number, currency: string): string {
  try {
    const digits = currencyExponent(currency)
    return new Intl.NumberFormat(PAGE_LOCALE, {
      currency,
      maximumFractionDigits: digits,
      minimumFractionDigits: digits,
      style: 'currency',
    }).format(minor / 10 ** digits)
  } catch {
    // An unknown currency code: show the raw minor units rather than nothing.
    return `${minor} ${currency} (minor units)`
  }
}

/** "€7.50 (30 %)", the non-breaking space keeping the percentage together on a narrow screen. */
export const refundText = (amount: number, percent: number, currency: string): string => `${formatMoney(amount, currency)} (${percent}\u00a0%)`
