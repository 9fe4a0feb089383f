// Which theme an admin's preference gives at an instant, and when that answer next changes (for the admin's
// timer). Schedules are wall-clock times in the user's zone, read through Intl so DST needs no offset tables.
// Pure; browser-safe. An unknown IANA zone makes Intl throw a RangeError, which is left to the caller.

import { wallClockAt } from '../../../utilities/wallClock'

export type ThemePreference = {
  mode: 'light' | 'dark' | 'auto' | 'scheduled'
  /** 'HH:MM', 24 h, in the user's zone: dark from `darkFrom` (included) until `darkUntil` (excluded). */
  schedule?: { darkFrom: string; darkUntil: string }
}

const MINUTE_MS = 60_000
const MINUTES_PER_DAY = 1440
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

type Window = { from: number; until: number }
function minuteOfDay(epochMs: number, zone: string): number {
  const wall = wallClockAt(epochMs, zone)
  return wall.hour * 60 + wall.minute
}

/** The zone's UTC offset in whole minutes at a minute-aligned instant (tzdata offsets are whole minutes today). */
function offsetMinutes(epochMs: number, zone: string): number {
  const wall = wallClockAt(epochMs, zone)
  return Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - epochMs) / MINUTE_MS)
}

function parseClockTime(value: string): number | null {
  const match = CLOCK_TIME.exec(value)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/** The dark window in minutes of the day; null (never dark) when missing, malformed, or `darkFrom === darkUntil`. */
function darkWindow(prefs: ThemePreference): Window | null {
  if (prefs.mode !== 'scheduled' || !prefs.schedule) return null
  const from = parseClockTime(prefs.schedule.darkFrom)
  const until = parseClockTime(prefs.schedule.darkUntil)
  // An empty window rather than a full day: "dark from 22:00 until 22:00" reads as a schedule not yet set.
  if (from === null || until === null || from === until) return null
  return { from, until }
}

function isDarkAt(minute: number, { from, until }: Window): boolean {
  // from > until wraps across midnight: 20:00→07:00 is dark from 20:00 through 06:59.
  return from < until ? minute >= from && minute < until : minute >= from || minute < until
}

/**
 * 'light' and 'dark' as chosen, 'auto' for the browser to decide; 'scheduled' gives 'dark' when the wall-clock
 * time in `zone` is in [darkFrom, darkUntil), wrapping across midnight, else 'light'. A missing or malformed
 * schedule, or darkFrom === darkUntil, is never dark. A wall time repeated by a DST fall-back gets the same
 * answer both times; one skipped by a spring-forward simply never happens.
 */
export function themeAt(instant: Date, prefs: ThemePreference, zone: string): 'light' | 'dark' | 'auto' {
  if (prefs.mode !== 'scheduled') return prefs.mode
  const window = darkWindow(prefs)
  return window && isDarkAt(minuteOfDay(instant.getTime(), zone), window) ? 'dark' : 'light'
}

/** Minutes from `minute` to the next window edge strictly after it: 1 to 1440. Every edge toggles the answer. */
function minutesToNextEdge(minute: number, { from, until }: Window): number {
  const ahead = (edge: number) => ((edge - minute - 1 + MINUTES_PER_DAY) % MINUTES_PER_DAY) + 1
  return Math.min(ahead(from), ahead(until))
}

/** The first minute in (after, before] whose offset differs from `after`'s; `before`'s offset must differ. */
function offsetChangeBetween(after: number, before: number, zone: string): number {
  const offset = offsetMinutes(after, zone)
  let same = after
  let changed = before
  while (changed - same > MINUTE_MS) {
    const middle = same + Math.floor((changed - same) / MINUTE_MS / 2) * MINUTE_MS
    if (offsetMinutes(middle, zone) === offset) same = middle
    else changed = middle
  }
  return changed
}

/**
 * The next instant (a whole minute) after `instant` at which `themeAt` answers differently; null unless the
 * preference is a schedule that is sometimes dark. With the offset constant, the change is at the next window
 * edge on the wall clock; when a DST change comes first, the answer is read again just after it: a spring-forward
 * that skips an edge changes the theme at the first instant past the gap (01:59 → 03:00 for an edge at 02:30).
 */
export function nextThemeChange(instant: Date, prefs: ThemePreference, zone: string): Date | null {
  const window = darkWindow(prefs)
  if (!window) return null
  // Wall minutes turn over on UTC minutes (offsets are whole minutes), so the answer holds for a whole minute.
  let cursor = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS
  const current = isDarkAt(minuteOfDay(cursor, zone), window)
  // Each pass either finds the change or moves past one offset change; a few passes cover any real zone.
  for (let pass = 0; pass < 8; pass += 1) {
    const edge = cursor + minutesToNextEdge(minuteOfDay(cursor, zone), window) * MINUTE_MS
    if (offsetMinutes(edge, zone) === offsetMinutes(cursor, zone)) return new Date(edge)
    const offsetChange = offsetChangeBetween(cursor, edge, zone)
    if (isDarkAt(minuteOfDay(offsetChange, zone), window) !== current) return new Date(offsetChange)
    cursor = offsetChange
  }
  return null
}
