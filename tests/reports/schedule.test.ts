// Scheduled reports' calendar maths, pure. Expected instants are worked out by hand from the zones' rules:
// Paris CET +01:00 / CEST +02:00, switching at 01:00 UTC on the last Sundays of March and October (2026-03-29,
// 2026-10-25; 2027-03-28); New York EST -05:00 / EDT -04:00, switching at 02:00 local on 2026-03-08 and 2026-11-01.
import type { ScheduleRule } from '../../plugins/reports/services/schedule'

import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'

import { nextRunAfter, reportPeriodFor, scheduleRuleSchema } from '../../plugins/reports/services/schedule'

const PARIS = 'Europe/Paris'
const NEW_YORK = 'America/New_York'

const daily = (sendAt: string, timezone: string): ScheduleRule => ({ frequency: 'DAILY', sendAt, timezone })
const weekly = (weekday: number, sendAt: string, timezone: string): ScheduleRule => ({ frequency: 'WEEKLY', sendAt, timezone, weekday })
const monthly = (dayOfMonth: number, sendAt: string, timezone: string): ScheduleRule => ({ dayOfMonth, frequency: 'MONTHLY', sendAt, timezone })

const next = (rule: ScheduleRule, afterIso: string) => nextRunAfter(rule, new Date(afterIso)).toISOString()
const period = (rule: ScheduleRule, runAtIso: string) => reportPeriodFor(rule, new Date(runAtIso))

describe('nextRunAfter, daily', () => {
  it('keeps 09:00 local across the Paris spring-forward, and an instant exactly at a run gives the next', () => {
    // 2026-03-28 09:00 CET is 08:00Z; the 29th is CEST, so 09:00 is 07:00Z.
    expect(next(daily('09:00', PARIS), '2026-03-28T08:00:00.000Z')).toBe('2026-03-29T07:00:00.000Z')
    expect(next(daily('09:00', PARIS), '2026-03-29T07:00:00.000Z')).toBe('2026-03-30T07:00:00.000Z')
    expect(next(daily('09:00', PARIS), '2026-03-29T06:59:59.999Z')).toBe('2026-03-29T07:00:00.000Z')
  })

  it('fires 02:30 Paris at 03:00 CEST on the day 02:30 does not exist, then at 02:30 again', () => {
    expect(next(daily('02:30', PARIS), '2026-03-28T12:00:00.000Z')).toBe('2026-03-29T01:00:00.000Z')
    expect(next(daily('02:30', PARIS), '2026-03-29T01:00:00.000Z')).toBe('2026-03-30T00:30:00.000Z')
  })

  it('fires 02:30 Paris once on the fall-back day, at its first (CEST) occurrence', () => {
    expect(next(daily('02:30', PARIS), '2026-10-24T12:00:00.000Z')).toBe('2026-10-25T00:30:00.000Z')
    // Not 01:30Z, the second 02:30 (CET) of the same day.
    expect(next(daily('02:30', PARIS), '2026-10-25T00:30:00.000Z')).toBe('2026-10-26T01:30:00.000Z')
    expect(next(daily('09:00', PARIS), '2026-10-24T07:00:00.000Z')).toBe('2026-10-25T08:00:00.000Z')
  })

  it('handles New York: 02:30 in the spring gap fires at 03:00 EDT, 01:30 in the repeated hour fires once', () => {
    expect(next(daily('09:00', NEW_YORK), '2026-03-07T14:00:00.000Z')).toBe('2026-03-08T13:00:00.000Z')
    expect(next(daily('02:30', NEW_YORK), '2026-03-07T12:00:00.000Z')).toBe('2026-03-08T07:00:00.000Z')
    expect(next(daily('02:30', NEW_YORK), '2026-03-08T07:00:00.000Z')).toBe('2026-03-09T06:30:00.000Z')
    // 01:30 EDT is 05:30Z; the repeat at 01:30 EST (06:30Z) is not a second run.
    expect(next(daily('01:30', NEW_YORK), '2026-10-31T12:00:00.000Z')).toBe('2026-11-01T05:30:00.000Z')
    expect(next(daily('01:30', NEW_YORK), '2026-11-01T05:30:00.000Z')).toBe('2026-11-02T06:30:00.000Z')
    expect(next(daily('01:30', NEW_YORK), '2026-11-01T06:00:00.000Z')).toBe('2026-11-02T06:30:00.000Z')
  })
})

describe('nextRunAfter, weekly', () => {
  it('fires on its weekday at local time around DST', () => {
    // Sundays 09:00 Paris: 2026-03-22 is CET (08:00Z), 2026-03-29 is CEST (07:00Z).
    expect(next(weekly(7, '09:00', PARIS), '2026-03-22T08:00:00.000Z')).toBe('2026-03-29T07:00:00.000Z')
    // Mondays 08:00 New York, from Wednesday 2026-03-04: Monday 2026-03-09 is EDT.
    expect(next(weekly(1, '08:00', NEW_YORK), '2026-03-04T00:00:00.000Z')).toBe('2026-03-09T12:00:00.000Z')
    // Sundays 02:30 New York: missing on 2026-03-08, so 03:00 EDT.
    expect(next(weekly(7, '02:30', NEW_YORK), '2026-03-01T12:00:00.000Z')).toBe('2026-03-08T07:00:00.000Z')
    // Sundays 02:30 Paris on the fall-back Sunday: the first 02:30.
    expect(next(weekly(7, '02:30', PARIS), '2026-10-18T12:00:00.000Z')).toBe('2026-10-25T00:30:00.000Z')
  })

  it('fires later the same day when the weekday is today and sendAt is still ahead', () => {
    // Wednesday 2026-03-04, 09:00 CET; the run is at 10:00 CET.
    expect(next(weekly(3, '10:00', PARIS), '2026-03-04T08:00:00.000Z')).toBe('2026-03-04T09:00:00.000Z')
  })
})

describe('nextRunAfter, monthly', () => {
  it('clamps day 31 to the end of February (non-leap 2027, leap 2028) and April', () => {
    expect(next(monthly(31, '09:00', PARIS), '2027-01-31T08:00:00.000Z')).toBe('2027-02-28T08:00:00.000Z')
    expect(next(monthly(31, '09:00', PARIS), '2028-01-31T08:00:00.000Z')).toBe('2028-02-29T08:00:00.000Z')
    expect(next(monthly(31, '09:00', PARIS), '2028-02-10T00:00:00.000Z')).toBe('2028-02-29T08:00:00.000Z')
    // 2027-03-31 is after the switch to CEST on 2027-03-28.
    expect(next(monthly(31, '09:00', PARIS), '2027-02-28T08:00:00.000Z')).toBe('2027-03-31T07:00:00.000Z')
    expect(next(monthly(31, '09:00', PARIS), '2027-03-31T07:00:00.000Z')).toBe('2027-04-30T07:00:00.000Z')
  })

  it('rolls from December into January of the next year', () => {
    expect(next(monthly(31, '09:00', PARIS), '2026-12-31T08:00:00.000Z')).toBe('2027-01-31T08:00:00.000Z')
    expect(next(monthly(15, '09:00', PARIS), '2026-12-20T00:00:00.000Z')).toBe('2027-01-15T08:00:00.000Z')
    // Midnight on the 1st in New York is 05:00Z (EST).
    expect(next(monthly(1, '00:00', NEW_YORK), '2026-12-15T00:00:00.000Z')).toBe('2027-01-01T05:00:00.000Z')
  })
})

describe('reportPeriodFor', () => {
  it('reports the previous local day for a daily run, across a month boundary and by local date', () => {
    expect(period(daily('09:00', PARIS), '2026-03-30T07:00:00.000Z')).toEqual({ from: '2026-03-29', key: '2026-03-29', to: '2026-03-30' })
    // 2026-02-28T23:30Z is already 1 March 00:30 in Paris.
    expect(period(daily('00:30', PARIS), '2026-02-28T23:30:00.000Z')).toEqual({ from: '2026-02-28', key: '2026-02-28', to: '2026-03-01' })
    // 2026-01-01T03:00Z is still 31 December 22:00 in New York.
    expect(period(daily('22:00', NEW_YORK), '2026-01-01T03:00:00.000Z')).toEqual({ from: '2025-12-30', key: '2025-12-30', to: '2025-12-31' })
  })

  it('reports the ISO week before the run week, with the ISO week-year at 53 and 1', () => {
    // 2026 starts on a Thursday, so it has 53 ISO weeks; Monday 2026-12-28 starts W53.
    expect(DateTime.fromISO('2026-12-28').weekNumber).toBe(53)
    expect(period(weekly(1, '09:00', PARIS), '2027-01-04T08:00:00.000Z')).toEqual({ from: '2026-12-28', key: '2026-W53', to: '2027-01-04' })
    // W01 of 2026 starts on Monday 2025-12-29: the key takes the week-year, not the calendar year.
    expect(period(weekly(1, '09:00', PARIS), '2026-01-05T08:00:00.000Z')).toEqual({ from: '2025-12-29', key: '2026-W01', to: '2026-01-05' })
    expect(period(weekly(1, '09:00', PARIS), '2027-01-11T08:00:00.000Z')).toEqual({ from: '2027-01-04', key: '2027-W01', to: '2027-01-11' })
    // A Wednesday run reports the whole week before its own: 2026-03-23 is 84 days (12 weeks) after 2025-12-29.
    expect(period(weekly(3, '09:00', PARIS), '2026-04-01T07:00:00.000Z')).toEqual({ from: '2026-03-23', key: '2026-W13', to: '2026-03-30' })
    // 2027-01-04T03:00Z is still Sunday 3 January in New York: the week before is W52.
    expect(period(weekly(7, '22:00', NEW_YORK), '2027-01-04T03:00:00.000Z')).toEqual({ from: '2026-12-21', key: '2026-W52', to: '2026-12-28' })
  })

  it('reports the previous calendar month, across the year boundary and by local date', () => {
    expect(period(monthly(1, '09:00', PARIS), '2026-03-01T08:00:00.000Z')).toEqual({ from: '2026-02-01', key: '2026-02', to: '2026-03-01' })
    expect(period(monthly(1, '09:00', PARIS), '2027-01-01T08:00:00.000Z')).toEqual({ from: '2026-12-01', key: '2026-12', to: '2027-01-01' })
    // 2027-01-01T03:00Z is still 31 December in New York.
    expect(period(monthly(31, '22:00', NEW_YORK), '2027-01-01T03:00:00.000Z')).toEqual({ from: '2026-11-01', key: '2026-11', to: '2026-12-01' })
  })
})

describe('scheduleRuleSchema', () => {
  const issuesOf = (input: unknown) =>
    (scheduleRuleSchema.safeParse(input).error?.issues ?? []).map((issue) => ({ message: issue.message, path: issue.path.join('.') }))

  it('accepts each frequency, and its output drives nextRunAfter', () => {
    const rule = scheduleRuleSchema.parse({ frequency: 'WEEKLY', sendAt: '07:05', timezone: PARIS, weekday: 1 })
    expect(nextRunAfter(rule, new Date('2026-03-04T00:00:00.000Z')).toISOString()).toBe('2026-03-09T06:05:00.000Z')
    expect(issuesOf({ frequency: 'DAILY', sendAt: '23:59', timezone: 'UTC' })).toEqual([])
    expect(issuesOf({ dayOfMonth: 31, frequency: 'MONTHLY', sendAt: '00:00', timezone: NEW_YORK })).toEqual([])
  })

  it('refuses a bad zone and a bad time, with their paths', () => {
    expect(issuesOf({ frequency: 'DAILY', sendAt: '24:00', timezone: 'Mars/Olympus' })).toEqual([
      { message: 'A 24-hour time as HH:MM, e.g. 07:30.', path: 'sendAt' },
      { message: 'Not an IANA time zone; use one like Europe/Paris.', path: 'timezone' },
    ])
    for (const sendAt of ['9:00', '09:60', '09:00:00', '']) expect(issuesOf({ frequency: 'DAILY', sendAt, timezone: PARIS })[0]?.path).toBe('sendAt')
  })

  it('needs a weekday for WEEKLY and a dayOfMonth for MONTHLY, in range', () => {
    expect(issuesOf({ frequency: 'WEEKLY', sendAt: '09:00', timezone: PARIS })).toEqual([
      { message: 'A weekly schedule needs a weekday: 1 (Monday) to 7 (Sunday).', path: 'weekday' },
    ])
    expect(issuesOf({ frequency: 'MONTHLY', sendAt: '09:00', timezone: PARIS })).toEqual([
      { message: 'A monthly schedule needs a dayOfMonth from 1 to 31.', path: 'dayOfMonth' },
    ])
    expect(issuesOf({ frequency: 'WEEKLY', sendAt: '09:00', timezone: PARIS, weekday: 8 })[0]?.path).toBe('weekday')
    expect(issuesOf({ frequency: 'WEEKLY', sendAt: '09:00', timezone: PARIS, weekday: 1.5 })[0]?.path).toBe('weekday')
    expect(issuesOf({ dayOfMonth: 0, frequency: 'MONTHLY', sendAt: '09:00', timezone: PARIS })[0]?.path).toBe('dayOfMonth')
    expect(issuesOf({ dayOfMonth: 32, frequency: 'MONTHLY', sendAt: '09:00', timezone: PARIS })[0]?.path).toBe('dayOfMonth')
    expect(issuesOf({ frequency: 'HOURLY', sendAt: '09:00', timezone: PARIS })).toEqual([
      { message: 'frequency must be DAILY, WEEKLY or MONTHLY.', path: 'frequency' },
    ])
  })

  it('refuses fields of another frequency rather than ignoring them', () => {
    expect(issuesOf({ dayOfMonth: 3, frequency: 'WEEKLY', sendAt: '09:00', timezone: PARIS, weekday: 1 }).length).toBe(1)
  })
})

describe('nextRunAfter, properties', () => {
  // Zones with DST at night, at midnight (Havana, Beirut, Sao Paulo until 2019), by 30 minutes (Lord Howe),
  // odd offsets (Kathmandu, Chatham), a skipped day (Apia, 2011-12-30) and none at all (UTC).
  const zones = ['UTC', PARIS, NEW_YORK, 'America/Havana', 'America/Sao_Paulo', 'Asia/Beirut', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Apia', 'Pacific/Chatham']
  const DAY_MS = 86_400_000
  const offsetOf = (epochMs: number, zone: string) => DateTime.fromMillis(epochMs, { zone }).offset

  // Every clock change of those zones in 2000–2040, to the millisecond (luxon as the independent reference).
  const transitions = zones.flatMap((zone) => {
    const found: { at: number; offsetBefore: number; zone: string }[] = []
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2040, 0, 1); day += DAY_MS) {
      if (offsetOf(day, zone) === offsetOf(day + DAY_MS, zone)) continue
      let [low, high] = [day, day + DAY_MS]
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2)
        if (offsetOf(middle, zone) === offsetOf(day, zone)) low = middle
        else high = middle
      }
      found.push({ at: high, offsetBefore: offsetOf(day, zone), zone })
    }
    return found
  })

  const ruleOf = (frequency: ScheduleRule['frequency'], wall: Date, timezone: string): ScheduleRule => ({
    frequency,
    sendAt: wall.toISOString().slice(11, 16),
    timezone,
    ...(frequency === 'WEEKLY' ? { weekday: ((wall.getUTCDay() + 6) % 7) + 1 } : {}),
    ...(frequency === 'MONTHLY' ? { dayOfMonth: wall.getUTCDate() } : {}),
  })
  const frequencyArbitrary = fc.constantFrom('DAILY' as const, 'WEEKLY' as const, 'MONTHLY' as const)

  // Any rule at any instant: the wall time (read as UTC) picks sendAt, weekday and day of month.
  const anyCase = fc
    .tuple(frequencyArbitrary, fc.constantFrom(...zones), fc.integer({ max: Date.UTC(2060, 0, 1), min: Date.UTC(2000, 0, 1) }), fc.integer({ max: Date.UTC(2060, 0, 1), min: Date.UTC(2000, 0, 1) }))
    .map(([frequency, zone, wallMs, afterMs]) => ({ afterMs, rule: ruleOf(frequency, new Date(wallMs), zone) }))
  // Random cases almost never meet a clock change: these fire within 90 minutes of one (often in its gap or
  // repeated hour), on its day, from up to three days before.
  const nearChange = fc
    .tuple(frequencyArbitrary, fc.constantFrom(...transitions), fc.integer({ max: 90, min: -90 }), fc.integer({ max: 3 * DAY_MS, min: 0 }))
    .map(([frequency, { at, offsetBefore, zone }, minutes, lead]) => ({
      afterMs: at - lead,
      rule: ruleOf(frequency, new Date(at + (offsetBefore + minutes) * 60_000), zone),
    }))

  const localStamp = (epochMs: number, zone: string) => DateTime.fromMillis(epochMs, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")

  it('is after t, at sendAt unless the clocks skipped it, at a first occurrence, the first run after just before itself, and within a period', () => {
    fc.assert(
      fc.property(fc.oneof(anyCase, nearChange), ({ afterMs, rule }) => {
        const run = nextRunAfter(rule, new Date(afterMs)).getTime()
        expect(run).toBeGreaterThan(afterMs)
        const local = DateTime.fromMillis(run, { zone: rule.timezone })
        if (local.toFormat('HH:mm') !== rule.sendAt) {
          // Only at a spring-forward: the clocks jump at `run`, straight over a sendAt (of that day, or of
          // the day before when the jump crosses midnight or skips a whole day).
          const justBefore = DateTime.fromMillis(run - 1, { zone: rule.timezone })
          expect(local.offset).toBeGreaterThan(justBefore.offset)
          // Days counted on a plain calendar: in Apia, a day after 29 December 2011 is 31 December.
          const dayBefore = DateTime.fromISO(justBefore.toISODate()!, { zone: 'UTC' })
          const jumpedOver = [dayBefore, dayBefore.plus({ days: 1 })].some((day) => {
            const wall = `${day.toFormat('yyyy-MM-dd')}T${rule.sendAt}:00.000`
            return localStamp(run - 1, rule.timezone) < wall && wall < localStamp(run, rule.timezone)
          })
          expect(jumpedOver).toBe(true)
        }
        // A repeated wall time fires at its first occurrence: the clock did not read the same 30 or 60 minutes before.
        for (const minutes of [30, 60]) expect(localStamp(run - minutes * 60_000, rule.timezone)).not.toBe(localStamp(run, rule.timezone))
        expect(nextRunAfter(rule, new Date(run - 1)).getTime()).toBe(run)
        // No run is passed over: the wait is at most one period (plus a DST hour, or the skipped day).
        const longest = { DAILY: 2, MONTHLY: 63, WEEKLY: 8 }[rule.frequency] * DAY_MS
        expect(run - afterMs).toBeLessThanOrEqual(longest)
      }),
      { numRuns: 2000 },
    )
  })
})
