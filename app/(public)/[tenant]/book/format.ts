// Pure helpers for the public booking page: calendar dates as `YYYY-MM-DD` strings, wall-clock times read
// straight from the API's offset strings (already in the studio's zone), and money in minor units.

const PAGE_LOCALE = 'en-GB'
const DAY_MS = 86_400_000

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

/** "30 Nov" for a calendar date. */
export const shortDayLabel = (date: string): string =>
  new Intl.DateTimeFormat(PAGE_LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcMidnight(date))

/** The wall-clock `HH:MM` of an API time such as `2026-11-30T10:00:00+01:00`, as written (studio zone). */
export const wallTime = (instant: string): string => instant.slice(11, 16)

/** The calendar date of an API time, as written (studio zone). */
export const wallDate = (instant: string): string => instant.slice(0, 10)

/** "1 h", "1 h 30 min", "45 min". */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** Every bookable duration of a room: min to max in slot steps (always at least the minimum). */
export function durationsOf(room: { maxMinutes: number; minMinutes: number; slotStepMinutes: number }): number[] {
  const step = room.slotStepMinutes > 0 ? room.slotStepMinutes : room.minMinutes
  const durations: number[] = []
  for (let minutes = room.minMinutes; minutes <= room.maxMinutes && durations.length < 200; minutes += step) durations.push(minutes)
  return durations.length > 0 ? durations : [room.minMinutes]
}

/** Formats an integer amount of minor units (cents) of `currency`. */
export function formatMoney(minor: number, currency: string): string {
  try {
    const digits = new Intl.NumberFormat('en', { currency, style: 'currency' }).resolvedOptions().maximumFractionDigits ?? 2
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

/** Rate × minutes / 60, rounded half up, as the server prices a booking. */
export const estimatePrice = (hourlyRateMinor: number, minutes: number): number => Math.floor((2 * hourlyRateMinor * minutes + 60) / 120)
