// When a scheduled report fires next, and which local period a run reports on. Pure calendar maths in the
// rule's IANA zone (no database, no Payload), so the job, the endpoints and the admin preview agree.
import { IANAZone } from 'luxon'
import { z } from 'zod'

import { wallClockAt } from '../../../utilities/wallClock'

export type ScheduleFrequency = 'DAILY' | 'MONTHLY' | 'WEEKLY'

export type ScheduleRule = {
  /** MONTHLY only, 1–31: past the month's end it means its last day (31 → 28/29 February, 30 April). */
  dayOfMonth?: number
  frequency: ScheduleFrequency
  /** Local time of day, 24-hour `HH:MM`. */
  sendAt: string
  /** The IANA zone that `sendAt`, days and periods are read in. */
  timezone: string
  /** WEEKLY only: ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday?: number
}

/** Local dates `YYYY-MM-DD`, `to` exclusive; `key` names the period once (`2026-03-29`, `2026-W13`, `2026-03`). */
export type ReportPeriod = { from: string; key: string; to: string }

const SEND_AT = /^([01]\d|2[0-3]):([0-5]\d)$/

const ruleBase = {
  sendAt: z.string('A time of day as HH:MM.').regex(SEND_AT, 'A 24-hour time as HH:MM, e.g. 07:30.'),
  timezone: z.string('An IANA time zone, e.g. Europe/Paris.').refine((zone) => IANAZone.isValidZone(zone), 'Not an IANA time zone; use one like Europe/Paris.'),
}

// Required per frequency, so a missing field gets its own message rather than zod's "expected number".
const weekday = z
  .int({ error: (issue) => (issue.input === undefined ? 'A weekly schedule needs a weekday: 1 (Monday) to 7 (Sunday).' : 'A whole number from 1 (Monday) to 7 (Sunday).') })
  .min(1, 'A weekday from 1 (Monday) to 7 (Sunday).')
  .max(7, 'A weekday from 1 (Monday) to 7 (Sunday).')
const dayOfMonth = z
  .int({ error: (issue) => (issue.input === undefined ? 'A monthly schedule needs a dayOfMonth from 1 to 31.' : 'A whole day of the month from 1 to 31.') })
  .min(1, 'A day of the month from 1 to 31.')
  .max(31, 'A day of the month from 1 to 31 (31 means the last day of shorter months).')

/** A schedule rule as a client sends it: strict, so a weekday on a monthly rule is refused, not ignored. */
export const scheduleRuleSchema = z.discriminatedUnion(
  'frequency',
  [
    z.object({ ...ruleBase, frequency: z.literal('DAILY') }).strict(),
    z.object({ ...ruleBase, frequency: z.literal('WEEKLY'), weekday }).strict(),
    z.object({ ...ruleBase, dayOfMonth, frequency: z.literal('MONTHLY') }).strict(),
  ],
  { error: 'frequency must be DAILY, WEEKLY or MONTHLY.' },
)

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

// Civil dates are handled as UTC midnights: plain day arithmetic, no zone involved.
type CivilDate = number

function civilDateOf(epochMs: number, timeZone: string): CivilDate {
  const wall = wallClockAt(epochMs, timeZone)
  return Date.UTC(wall.year, wall.month - 1, wall.day)
}

const formatDate = (date: CivilDate): string => new Date(date).toISOString().slice(0, 10)

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
const isoWeekdayOf = (date: CivilDate): number => ((new Date(date).getUTCDay() + 6) % 7) + 1

const lastDayOfMonth = (date: CivilDate): number => {
  const day = new Date(date)
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate()
}

/** The zone's offset from UTC at an instant, in ms (wall clock minus UTC, both to the second). */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(epochMs, timeZone)
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(epochMs / 1000) * 1000
}

/**
 * The instant a local wall time (given as if it were UTC) happens in `timeZone`. A repeated time (fall-back)
 * gives its first occurrence; a missing one (spring-forward) gives the instant the clocks jump, the first
 * valid time after the gap, so that a run is never skipped.
 */
function instantOfWallTime(wallMs: number, timeZone: string): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone)
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone)
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((instant) => offsetAt(instant, timeZone) === wallMs - instant)
  if (candidates.length > 0) return Math.min(...candidates)
  // In a gap: the transition lies between the two readings; bisect to the millisecond it happens at.
  let low = Math.min(wallMs - offsetBefore, wallMs - offsetAfter)
  let high = Math.max(wallMs - offsetBefore, wallMs - offsetAfter)
  const offsetAtLow = offsetAt(low, timeZone)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2)
    if (offsetAt(middle, timeZone) === offsetAtLow) low = middle
    else high = middle
  }
  return high
}

function minutesOfDay(sendAt: string): number {
  const match = SEND_AT.exec(sendAt)
  if (!match) throw new RangeError(`sendAt must be a 24-hour HH:MM time, got "${sendAt}".`)
  return Number(match[1]) * 60 + Number(match[2])
}

function firesOn(rule: ScheduleRule, date: CivilDate): boolean {
  switch (rule.frequency) {
    case 'DAILY':
      return true
    case 'WEEKLY':
      return isoWeekdayOf(date) === rule.weekday
    case 'MONTHLY':
      return new Date(date).getUTCDate() === Math.min(rule.dayOfMonth ?? 0, lastDayOfMonth(date))
  }
}

const isWholeBetween = (value: number | undefined, min: number, max: number): boolean =>
  value !== undefined && Number.isInteger(value) && value >= min && value <= max

// The schema guards input; this guards callers that skipped it, rather than looping on a rule that never fires.
function assertRunnable(rule: ScheduleRule): void {
  if (rule.frequency === 'WEEKLY' && !isWholeBetween(rule.weekday, 1, 7)) {
    throw new RangeError('A weekly schedule needs a weekday from 1 (Monday) to 7 (Sunday).')
  }
  if (rule.frequency === 'MONTHLY' && !isWholeBetween(rule.dayOfMonth, 1, 31)) {
    throw new RangeError('A monthly schedule needs a dayOfMonth from 1 to 31.')
  }
  if (!IANAZone.isValidZone(rule.timezone)) throw new RangeError(`Not an IANA time zone: "${rule.timezone}".`)
}

/** The first instant strictly after `after` at which `rule` fires (local `sendAt` in its zone, DST-correct). */
export function nextRunAfter(rule: ScheduleRule, after: Date): Date {
  const afterMs = after.getTime()
  if (Number.isNaN(afterMs)) throw new RangeError('nextRunAfter needs a valid date.')
  assertRunnable(rule)
  const sendAtMs = minutesOfDay(rule.sendAt) * MINUTE_MS
  // Start a day early: a fall-back near midnight can put `after` on a local date behind a run still to come.
  const firstDate = civilDateOf(afterMs, rule.timezone) - DAY_MS
  // Run instants grow with their dates, so the first one past `after` is the answer; a month and a bit
  // covers every rule (a monthly day clamps, so each month has one).
  for (let date = firstDate; date <= firstDate + 64 * DAY_MS; date += DAY_MS) {
    if (!firesOn(rule, date)) continue
    const runMs = instantOfWallTime(date + sendAtMs, rule.timezone)
    if (runMs > afterMs) return new Date(runMs)
  }
  throw new Error('Unreachable: every schedule fires within two months.')
}

/** The ISO week key of the week starting on a Monday: its year is that of the week's Thursday. */
function isoWeekKey(monday: CivilDate): string {
  const thursday = new Date(monday + 3 * DAY_MS)
  const weekYear = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS)) + 1
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}

/**
 * The local period a run at `runAt` reports on, the last complete one before the run's local date:
 * DAILY the day before, WEEKLY the ISO week (Monday to Monday) before the run's week, MONTHLY the month before.
 */
export function reportPeriodFor(rule: Pick<ScheduleRule, 'frequency' | 'timezone'>, runAt: Date): ReportPeriod {
  if (Number.isNaN(runAt.getTime())) throw new RangeError('reportPeriodFor needs a valid date.')
  const runDate = civilDateOf(runAt.getTime(), rule.timezone)
  switch (rule.frequency) {
    case 'DAILY': {
      const from = formatDate(runDate - DAY_MS)
      return { from, key: from, to: formatDate(runDate) }
    }
    case 'WEEKLY': {
      const monday = runDate - (isoWeekdayOf(runDate) - 1) * DAY_MS
      return { from: formatDate(monday - 7 * DAY_MS), key: isoWeekKey(monday - 7 * DAY_MS), to: formatDate(monday) }
    }
    case 'MONTHLY': {
      const day = new Date(runDate)
      const from = formatDate(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - 1, 1))
      return { from, key: from.slice(0, 7), to: formatDate(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)) }
    }
  }
}
