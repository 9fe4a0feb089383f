// Wall-clock dates and times in an IANA time zone, with `Intl.DateTimeFormat` as the only source of zone rules.
// Calendar dates are `YYYY-MM-DD` strings and times `HH:MM`; instants are `Date`s.

import { wallClockAt } from '../../../utilities/wallClock'

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'

export const WEEKDAYS: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^(\d{2}):(\d{2})$/

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone)
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
  // The formatter drops milliseconds, so compare against the instant truncated to its second.
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000
}

const HOUR_MS = 3_600_000
// zone|hour → the offset when it holds for that whole hour, null when a transition falls inside it. Offsets
// change a few times a year, so availability (thousands of slots) formats from this, not from Intl each time.
const hourlyOffsets = new Map<string, null | number>()

/** `offsetMsAt`, memoised per hour of UTC time (assumes at most one transition within an hour, as in tzdata). */
function cachedOffsetMsAt(epochMs: number, timeZone: string): number {
  const hourStart = Math.floor(epochMs / HOUR_MS) * HOUR_MS
  const key = `${timeZone}|${hourStart}`
  let offset = hourlyOffsets.get(key)
  if (offset === undefined) {
    const atStart = offsetMsAt(hourStart, timeZone)
    offset = atStart === offsetMsAt(hourStart + HOUR_MS - 1000, timeZone) ? atStart : null
    if (hourlyOffsets.size > 100_000) hourlyOffsets.clear()
    hourlyOffsets.set(key, offset)
  }
  return offset ?? offsetMsAt(epochMs, timeZone)
}

/**
 * A wall-clock time (given as milliseconds of a UTC clock showing that wall time) to an instant, resolved like
 * Temporal's `disambiguation: 'compatible'`: in a fall-back overlap the earlier instant, in a spring-forward gap
 * the time pushed forward by the gap's length. Assumes at most one transition within a day either side, which
 * holds for every zone in the IANA database.
 */
function wallClockMsToInstant(wallMs: number, timeZone: string): Date {
  const offsetBefore = offsetMsAt(wallMs - DAY_MS, timeZone)
  const offsetAfter = offsetMsAt(wallMs + DAY_MS, timeZone)
  const candidates = [...new Set([wallMs - offsetBefore, wallMs - offsetAfter])]
    .filter((candidate) => candidate + offsetMsAt(candidate, timeZone) === wallMs)
    .sort((a, b) => a - b)
  const earliest = candidates[0]
  if (earliest !== undefined) return new Date(earliest)
  // In a gap, reading the wall time with the offset in force before the jump lands `gap` later on the new clock.
  return new Date(wallMs - offsetBefore)
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    // Date.UTC rolls 2026-02-30 over to March: a round trip exposes impossible dates.
    const probe = new Date(Date.UTC(year, month - 1, day))
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { day, month, year }
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`)
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = TIME_PATTERN.exec(time)
  if (match) {
    const [hour, minute] = [Number(match[1]), Number(match[2])]
    if ((hour < 24 && minute < 60) || (hour === 24 && minute === 0)) return { hour, minute }
  }
  throw new RangeError(`Not a time of day (HH:MM, 00:00 to 24:00): ${time}`)
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function dateOfUtcMs(epochMs: number): string {
  const day = new Date(epochMs)
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`
}

/** `time` may be `24:00`, meaning 00:00 on the following day. */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const { day, month, year } = parseDate(date)
  const { hour, minute } = parseTime(time)
  return wallClockMsToInstant(Date.UTC(year, month - 1, day, hour, minute), timeZone)
}

export function localDateOf(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant.getTime(), timeZone)
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`
}

export function localTimeOf(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant.getTime(), timeZone)
  return `${pad(wall.hour)}:${pad(wall.minute)}`
}

export function weekdayOf(date: string): Weekday {
  const { day, month, year } = parseDate(date)
  // getUTCDay counts from Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7] as Weekday
}

export function addDays(date: string, days: number): string {
  const { day, month, year } = parseDate(date)
  return dateOfUtcMs(Date.UTC(year, month - 1, day + days))
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-03-29T03:00:00+02:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const epochMs = instant.getTime()
  const offsetMs = cachedOffsetMsAt(epochMs, timeZone)
  // The wall clock is the instant shifted by the offset, read on a UTC clock.
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMs)
  const wall = { day: shifted.getUTCDate(), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(), month: shifted.getUTCMonth() + 1, second: shifted.getUTCSeconds(), year: shifted.getUTCFullYear() }
  const offsetSeconds = Math.round(offsetMs / 1000)
  const sign = offsetSeconds < 0 ? '-' : '+'
  const absolute = Math.abs(offsetSeconds)
  // Only pre-1900 local mean times have offsets with seconds; write them rather than lie about the instant.
  const offsetSecondsPart = absolute % 60 ? `:${pad(absolute % 60)}` : ''
  const offset = `${sign}${pad(Math.floor(absolute / 3600))}:${pad(Math.floor(absolute / 60) % 60)}${offsetSecondsPart}`
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`
}

/**
 * The same wall-clock time `days` calendar days earlier in `timeZone` (so not always `days × 24` real hours).
 * If that wall time is skipped or repeated there, it resolves like `zonedDateTimeToInstant`.
 */
export function subtractCalendarDays(instant: Date, days: number, timeZone: string): Date {
  const epochMs = instant.getTime()
  const wallMs = epochMs + offsetMsAt(epochMs, timeZone)
  return wallClockMsToInstant(wallMs - days * DAY_MS, timeZone)
}

/** Real elapsed minutes between two instants. */
export function minutesBetween(start: Date, end: Date): number {
  return (end.getTime() - start.getTime()) / MINUTE_MS
}
