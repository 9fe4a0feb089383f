// When a room can be booked: opening hours in the tenant's zone, the slots still free, and the checks a requested
// booking window must pass. Pure: busy intervals come from the caller.
//
// Durations, steps, buffers and lead times are REAL elapsed minutes between instants, never wall-clock
// differences: a 2 h booking starting 01:00 local on a spring-forward night ends at 04:00 local.
import { type Weekday, addDays, localDateOf, minutesBetween, weekdayOf, zonedDateTimeToInstant } from './zonedTime'

export type OpeningRange = { weekday: Weekday; opens: string /* HH:MM */; closes: string /* HH:MM or 24:00, after opens */ }
export type RoomRules = {
  openingHours: OpeningRange[]
  bufferMinutes: number
  minMinutes: number
  maxMinutes: number
  slotStepMinutes: number
  leadTimeMinutes: number
}
export type Interval = { start: Date; end: Date }
export type DaySlots = { date: string; slots: Interval[] }

export type BookingWindowProblem = {
  code: 'too_soon' | 'outside_opening_hours' | 'too_short' | 'too_long' | 'end_before_start'
  message: string
}

const MINUTE_MS = 60_000

type MsInterval = { start: number; end: number }

/**
 * The opening ranges of `date`'s weekday as instants, sorted, with overlapping or touching ranges merged. A range
 * closing at 24:00 ends at the next local midnight. A range whose wall times vanish in a spring-forward gap
 * shrinks accordingly (02:00–03:00 on the Paris spring-forward day is empty and left out).
 */
export function openingIntervalsOn(date: string, rules: Pick<RoomRules, 'openingHours'>, timeZone: string): Interval[] {
  return openingMsIntervalsOn(date, rules.openingHours, timeZone).map(({ end, start }) => ({
    end: new Date(end),
    start: new Date(start),
  }))
}

function openingMsIntervalsOn(date: string, openingHours: OpeningRange[], timeZone: string): MsInterval[] {
  const weekday = weekdayOf(date)
  const ranges: MsInterval[] = []
  for (const range of openingHours) {
    if (range.weekday !== weekday) continue
    // HH:MM strings order like the times they name; a reversed range is a data error, not a closed day.
    if (range.closes <= range.opens) throw new RangeError(`Opening range ${range.opens}–${range.closes} closes before it opens.`)
    const start = zonedDateTimeToInstant(date, range.opens, timeZone).getTime()
    const end = zonedDateTimeToInstant(date, range.closes, timeZone).getTime()
    if (end > start) ranges.push({ end, start })
  }
  return mergeIntervals(ranges)
}

/** Sorted by start, overlapping or touching intervals joined (half-open, so the union is unchanged). */
function mergeIntervals(intervals: MsInterval[]): MsInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const merged: MsInterval[] = []
  for (const interval of sorted) {
    const last = merged[merged.length - 1]
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end)
    else merged.push({ ...interval })
  }
  return merged
}

function assertDuration(durationMinutes: number, rules: RoomRules): void {
  if (!Number.isFinite(durationMinutes) || durationMinutes < rules.minMinutes || durationMinutes > rules.maxMinutes) {
    throw new RangeError(`Duration ${durationMinutes} min is outside ${rules.minMinutes}–${rules.maxMinutes} min.`)
  }
}

/** Index of the first interval in `sorted` (disjoint, ascending) that ends after `at`. */
function firstEndingAfter(sorted: MsInterval[], at: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as MsInterval).end <= at) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Free slots of `durationMinutes` for each local date from `from` to `to` inclusive, one entry per date in order
 * (days without slots listed with `slots: []`).
 *
 * Candidates start at each opening interval's start and advance by `slotStepMinutes` while they end within it.
 * A candidate is offered when it starts at least `leadTimeMinutes` after `now` and `[start, end + buffer)` does
 * not overlap any `[busy.start, busy.end + buffer)` — the database exclusion constraint on
 * `tstzrange(start, end + buffer)`, half-open, so touching ranges do not collide.
 *
 * Throws `RangeError` for a duration outside [minMinutes, maxMinutes] or a non-positive step.
 */
export function freeSlots(args: {
  rules: RoomRules
  timeZone: string
  from: string
  to: string
  durationMinutes: number
  busy: Interval[]
  now: Date
}): DaySlots[] {
  const { busy, durationMinutes, from, now, rules, timeZone, to } = args
  assertDuration(durationMinutes, rules)
  if (!(rules.slotStepMinutes > 0)) throw new RangeError(`Slot step must be positive, got ${rules.slotStepMinutes}.`)
  // Validates both bounds (throws on a malformed date): the loop below compares them as strings.
  const lastDate = addDays(to, 0)

  const durationMs = durationMinutes * MINUTE_MS
  const stepMs = rules.slotStepMinutes * MINUTE_MS
  const bufferMs = rules.bufferMinutes * MINUTE_MS
  const earliestStart = now.getTime() + rules.leadTimeMinutes * MINUTE_MS
  // Once merged, the extended busy ranges are disjoint and ascending, so one forward pointer per opening interval
  // tells whether a candidate collides: O(busy log busy + candidates).
  const blocked = mergeIntervals(busy.map((interval) => ({ end: interval.end.getTime() + bufferMs, start: interval.start.getTime() })))

  const days: DaySlots[] = []
  for (let date = addDays(from, 0); date <= lastDate; date = addDays(date, 1)) {
    const slots: Interval[] = []
    for (const opening of openingMsIntervalsOn(date, rules.openingHours, timeZone)) {
      let next = firstEndingAfter(blocked, opening.start)
      for (let start = opening.start; start + durationMs <= opening.end; start += stepMs) {
        if (start < earliestStart) continue
        const end = start + durationMs
        while (next < blocked.length && (blocked[next] as MsInterval).end <= start) next += 1
        const collides = next < blocked.length && (blocked[next] as MsInterval).start < end + bufferMs
        if (!collides) slots.push({ end: new Date(end), start: new Date(start) })
      }
    }
    days.push({ date, slots })
  }
  return days
}

/**
 * Why a requested window cannot be booked, or null. Checked in order: end after start, lead time, duration within
 * [min, max] (real minutes), then the whole window inside ONE opening interval of the local date of `start`.
 * Collisions with other bookings are left to the database constraint.
 */
export function checkBookingWindow(args: {
  rules: RoomRules
  timeZone: string
  start: Date
  end: Date
  now: Date
}): BookingWindowProblem | null {
  const { end, now, rules, start, timeZone } = args
  if (end.getTime() <= start.getTime()) {
    return { code: 'end_before_start', message: 'The booking must end after it starts.' }
  }
  if (start.getTime() < now.getTime() + rules.leadTimeMinutes * MINUTE_MS) {
    return { code: 'too_soon', message: `Bookings must start at least ${rules.leadTimeMinutes} minutes from now.` }
  }
  const minutes = minutesBetween(start, end)
  if (minutes < rules.minMinutes) {
    return { code: 'too_short', message: `Bookings last at least ${rules.minMinutes} minutes.` }
  }
  if (minutes > rules.maxMinutes) {
    return { code: 'too_long', message: `Bookings last at most ${rules.maxMinutes} minutes.` }
  }
  const openings = openingMsIntervalsOn(localDateOf(start, timeZone), rules.openingHours, timeZone)
  const inside = openings.some((opening) => opening.start <= start.getTime() && end.getTime() <= opening.end)
  if (!inside) {
    return { code: 'outside_opening_hours', message: 'The booking must fall within the room’s opening hours.' }
  }
  return null
}
