import { describe, expect, it } from 'vitest'

import {
  type Interval,
  type OpeningRange,
  type RoomRules,
  checkBookingWindow,
  freeSlots,
  openingIntervalsOn,
} from '../../plugins/booking/services/availability'
import { WEEKDAYS, formatInZone, zonedDateTimeToInstant } from '../../plugins/booking/services/zonedTime'

const PARIS = 'Europe/Paris'
const MONTREAL = 'America/Montreal'
const LONG_AGO = new Date('2020-01-01T00:00:00Z')

function rulesWith(overrides: Partial<RoomRules>): RoomRules {
  return {
    bufferMinutes: 0,
    leadTimeMinutes: 0,
    maxMinutes: 240,
    minMinutes: 30,
    openingHours: [],
    slotStepMinutes: 60,
    ...overrides,
  }
}

// Monday to Saturday 09:00–11:00, Sunday 00:00–06:00 so that Sunday covers the clock change (always a Sunday
// in both zones).
const DST_WEEK_HOURS: OpeningRange[] = [
  ...WEEKDAYS.filter((weekday) => weekday !== 'sunday').map((weekday) => ({ closes: '11:00', opens: '09:00', weekday })),
  { closes: '06:00', opens: '00:00', weekday: 'sunday' },
]

function startsByDate(days: { date: string; slots: Interval[] }[], timeZone: string): Record<string, string[]> {
  return Object.fromEntries(days.map(({ date, slots }) => [date, slots.map((slot) => formatInZone(slot.start, timeZone))]))
}

function slotsOf(days: { slots: Interval[] }[], timeZone: string): string[] {
  return days.flatMap(({ slots }) => slots.map((slot) => `${formatInZone(slot.start, timeZone)} → ${formatInZone(slot.end, timeZone)}`))
}

const at = (date: string, time: string, timeZone = PARIS) => zonedDateTimeToInstant(date, time, timeZone)

describe('freeSlots across DST changes (60-minute step and duration)', () => {
  const rules = rulesWith({ openingHours: DST_WEEK_HOURS })

  it('Europe/Paris spring forward (2026-03-29): no slot at 02:xx, offsets change from the Monday after', () => {
    const days = freeSlots({ busy: [], durationMinutes: 60, from: '2026-03-23', now: LONG_AGO, rules, timeZone: PARIS, to: '2026-03-30' })
    expect(startsByDate(days, PARIS)).toEqual({
      '2026-03-23': ['2026-03-23T09:00:00+01:00', '2026-03-23T10:00:00+01:00'],
      '2026-03-24': ['2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00'],
      '2026-03-25': ['2026-03-25T09:00:00+01:00', '2026-03-25T10:00:00+01:00'],
      '2026-03-26': ['2026-03-26T09:00:00+01:00', '2026-03-26T10:00:00+01:00'],
      '2026-03-27': ['2026-03-27T09:00:00+01:00', '2026-03-27T10:00:00+01:00'],
      '2026-03-28': ['2026-03-28T09:00:00+01:00', '2026-03-28T10:00:00+01:00'],
      '2026-03-29': [
        '2026-03-29T00:00:00+01:00',
        '2026-03-29T01:00:00+01:00',
        '2026-03-29T03:00:00+02:00',
        '2026-03-29T04:00:00+02:00',
        '2026-03-29T05:00:00+02:00',
      ],
      '2026-03-30': ['2026-03-30T09:00:00+02:00', '2026-03-30T10:00:00+02:00'],
    })
  })

  it('Europe/Paris fall back (2026-10-25): two distinct 02:00 slots in the repeated hour', () => {
    const days = freeSlots({ busy: [], durationMinutes: 60, from: '2026-10-19', now: LONG_AGO, rules, timeZone: PARIS, to: '2026-10-26' })
    expect(startsByDate(days, PARIS)).toEqual({
      '2026-10-19': ['2026-10-19T09:00:00+02:00', '2026-10-19T10:00:00+02:00'],
      '2026-10-20': ['2026-10-20T09:00:00+02:00', '2026-10-20T10:00:00+02:00'],
      '2026-10-21': ['2026-10-21T09:00:00+02:00', '2026-10-21T10:00:00+02:00'],
      '2026-10-22': ['2026-10-22T09:00:00+02:00', '2026-10-22T10:00:00+02:00'],
      '2026-10-23': ['2026-10-23T09:00:00+02:00', '2026-10-23T10:00:00+02:00'],
      '2026-10-24': ['2026-10-24T09:00:00+02:00', '2026-10-24T10:00:00+02:00'],
      '2026-10-25': [
        '2026-10-25T00:00:00+02:00',
        '2026-10-25T01:00:00+02:00',
        '2026-10-25T02:00:00+02:00',
        '2026-10-25T02:00:00+01:00',
        '2026-10-25T03:00:00+01:00',
        '2026-10-25T04:00:00+01:00',
        '2026-10-25T05:00:00+01:00',
      ],
      '2026-10-26': ['2026-10-26T09:00:00+01:00', '2026-10-26T10:00:00+01:00'],
    })
  })

  it('America/Montreal spring forward (2026-03-08): no slot at 02:xx', () => {
    const days = freeSlots({ busy: [], durationMinutes: 60, from: '2026-03-02', now: LONG_AGO, rules, timeZone: MONTREAL, to: '2026-03-09' })
    expect(startsByDate(days, MONTREAL)).toEqual({
      '2026-03-02': ['2026-03-02T09:00:00-05:00', '2026-03-02T10:00:00-05:00'],
      '2026-03-03': ['2026-03-03T09:00:00-05:00', '2026-03-03T10:00:00-05:00'],
      '2026-03-04': ['2026-03-04T09:00:00-05:00', '2026-03-04T10:00:00-05:00'],
      '2026-03-05': ['2026-03-05T09:00:00-05:00', '2026-03-05T10:00:00-05:00'],
      '2026-03-06': ['2026-03-06T09:00:00-05:00', '2026-03-06T10:00:00-05:00'],
      '2026-03-07': ['2026-03-07T09:00:00-05:00', '2026-03-07T10:00:00-05:00'],
      '2026-03-08': [
        '2026-03-08T00:00:00-05:00',
        '2026-03-08T01:00:00-05:00',
        '2026-03-08T03:00:00-04:00',
        '2026-03-08T04:00:00-04:00',
        '2026-03-08T05:00:00-04:00',
      ],
      '2026-03-09': ['2026-03-09T09:00:00-04:00', '2026-03-09T10:00:00-04:00'],
    })
  })

  it('America/Montreal fall back (2026-11-01): two distinct 01:00 slots in the repeated hour', () => {
    const days = freeSlots({ busy: [], durationMinutes: 60, from: '2026-10-26', now: LONG_AGO, rules, timeZone: MONTREAL, to: '2026-11-02' })
    expect(startsByDate(days, MONTREAL)).toEqual({
      '2026-10-26': ['2026-10-26T09:00:00-04:00', '2026-10-26T10:00:00-04:00'],
      '2026-10-27': ['2026-10-27T09:00:00-04:00', '2026-10-27T10:00:00-04:00'],
      '2026-10-28': ['2026-10-28T09:00:00-04:00', '2026-10-28T10:00:00-04:00'],
      '2026-10-29': ['2026-10-29T09:00:00-04:00', '2026-10-29T10:00:00-04:00'],
      '2026-10-30': ['2026-10-30T09:00:00-04:00', '2026-10-30T10:00:00-04:00'],
      '2026-10-31': ['2026-10-31T09:00:00-04:00', '2026-10-31T10:00:00-04:00'],
      '2026-11-01': [
        '2026-11-01T00:00:00-04:00',
        '2026-11-01T01:00:00-04:00',
        '2026-11-01T01:00:00-05:00',
        '2026-11-01T02:00:00-05:00',
        '2026-11-01T03:00:00-05:00',
        '2026-11-01T04:00:00-05:00',
        '2026-11-01T05:00:00-05:00',
      ],
      '2026-11-02': ['2026-11-02T09:00:00-05:00', '2026-11-02T10:00:00-05:00'],
    })
  })
})

describe('freeSlots: 120-minute slots crossing the jump last 2 real hours', () => {
  const rules = rulesWith({ openingHours: DST_WEEK_HOURS })
  const sunday = (date: string, timeZone: string) =>
    slotsOf(freeSlots({ busy: [], durationMinutes: 120, from: date, now: LONG_AGO, rules, timeZone, to: date }), timeZone)

  it('Europe/Paris spring: 01:00+01:00 → 04:00+02:00', () => {
    expect(sunday('2026-03-29', PARIS)).toEqual([
      '2026-03-29T00:00:00+01:00 → 2026-03-29T03:00:00+02:00',
      '2026-03-29T01:00:00+01:00 → 2026-03-29T04:00:00+02:00',
      '2026-03-29T03:00:00+02:00 → 2026-03-29T05:00:00+02:00',
      '2026-03-29T04:00:00+02:00 → 2026-03-29T06:00:00+02:00',
    ])
  })

  it('Europe/Paris fall: 01:00+02:00 → 02:00+01:00', () => {
    expect(sunday('2026-10-25', PARIS)).toEqual([
      '2026-10-25T00:00:00+02:00 → 2026-10-25T02:00:00+02:00',
      '2026-10-25T01:00:00+02:00 → 2026-10-25T02:00:00+01:00',
      '2026-10-25T02:00:00+02:00 → 2026-10-25T03:00:00+01:00',
      '2026-10-25T02:00:00+01:00 → 2026-10-25T04:00:00+01:00',
      '2026-10-25T03:00:00+01:00 → 2026-10-25T05:00:00+01:00',
      '2026-10-25T04:00:00+01:00 → 2026-10-25T06:00:00+01:00',
    ])
  })

  it('America/Montreal spring: 01:00-05:00 → 04:00-04:00', () => {
    expect(sunday('2026-03-08', MONTREAL)).toEqual([
      '2026-03-08T00:00:00-05:00 → 2026-03-08T03:00:00-04:00',
      '2026-03-08T01:00:00-05:00 → 2026-03-08T04:00:00-04:00',
      '2026-03-08T03:00:00-04:00 → 2026-03-08T05:00:00-04:00',
      '2026-03-08T04:00:00-04:00 → 2026-03-08T06:00:00-04:00',
    ])
  })

  it('America/Montreal fall: 00:00-04:00 → 01:00-05:00', () => {
    expect(sunday('2026-11-01', MONTREAL)).toEqual([
      '2026-11-01T00:00:00-04:00 → 2026-11-01T01:00:00-05:00',
      '2026-11-01T01:00:00-04:00 → 2026-11-01T02:00:00-05:00',
      '2026-11-01T01:00:00-05:00 → 2026-11-01T03:00:00-05:00',
      '2026-11-01T02:00:00-05:00 → 2026-11-01T04:00:00-05:00',
      '2026-11-01T03:00:00-05:00 → 2026-11-01T05:00:00-05:00',
      '2026-11-01T04:00:00-05:00 → 2026-11-01T06:00:00-05:00',
    ])
  })
})

describe('openingIntervalsOn', () => {
  it('merges overlapping and touching ranges of the weekday, sorted, ignoring other weekdays', () => {
    const openingHours: OpeningRange[] = [
      { closes: '17:00', opens: '14:00', weekday: 'monday' },
      { closes: '12:00', opens: '09:00', weekday: 'monday' },
      { closes: '13:00', opens: '11:00', weekday: 'monday' },
      { closes: '18:00', opens: '17:00', weekday: 'monday' },
      { closes: '08:00', opens: '07:00', weekday: 'tuesday' },
    ]
    const intervals = openingIntervalsOn('2026-06-15', { openingHours }, PARIS)
    expect(intervals.map(({ end, start }) => [formatInZone(start, PARIS), formatInZone(end, PARIS)])).toEqual([
      ['2026-06-15T09:00:00+02:00', '2026-06-15T13:00:00+02:00'],
      ['2026-06-15T14:00:00+02:00', '2026-06-15T18:00:00+02:00'],
    ])
    expect(openingIntervalsOn('2026-06-17', { openingHours }, PARIS)).toEqual([])
  })

  it('ends a range closing at 24:00 at the next midnight', () => {
    const intervals = openingIntervalsOn('2026-03-28', { openingHours: [{ closes: '24:00', opens: '20:00', weekday: 'saturday' }] }, PARIS)
    expect(intervals.map(({ end }) => formatInZone(end, PARIS))).toEqual(['2026-03-29T00:00:00+01:00'])
  })

  it('drops a range that lies entirely in the spring-forward gap', () => {
    const openingHours: OpeningRange[] = [{ closes: '03:00', opens: '02:00', weekday: 'sunday' }]
    expect(openingIntervalsOn('2026-03-29', { openingHours }, PARIS)).toEqual([])
    expect(openingIntervalsOn('2026-04-05', { openingHours }, PARIS)).toHaveLength(1)
  })

  it('refuses a range closing before it opens', () => {
    const openingHours: OpeningRange[] = [{ closes: '09:00', opens: '17:00', weekday: 'monday' }]
    expect(() => openingIntervalsOn('2026-06-15', { openingHours }, PARIS)).toThrow(RangeError)
  })
})

describe('freeSlots rules', () => {
  const monday = '2026-06-15'
  const mondayHours: OpeningRange[] = [{ closes: '17:00', opens: '09:00', weekday: 'monday' }]
  const times = (days: { slots: Interval[] }[]) => days.flatMap(({ slots }) => slots.map((slot) => formatInZone(slot.start, PARIS).slice(11, 16)))
  const quarterHours = (from: string, to: string) => {
    const result: string[] = []
    for (let minutes = Number(from.slice(0, 2)) * 60 + Number(from.slice(3)); ; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
      result.push(time)
      if (time === to) return result
    }
  }

  it('keeps the buffer free on both sides of a busy booking; touching is allowed', () => {
    const rules = rulesWith({ bufferMinutes: 15, openingHours: mondayHours, slotStepMinutes: 15 })
    const busy = [{ end: at(monday, '13:00'), start: at(monday, '12:00') }]
    const days = freeSlots({ busy, durationMinutes: 60, from: monday, now: LONG_AGO, rules, timeZone: PARIS, to: monday })
    // 10:45–12:00 plus its buffer ends exactly at the busy start; the busy booking's buffer ends at 13:15.
    expect(times(days)).toEqual([...quarterHours('09:00', '10:45'), ...quarterHours('13:15', '16:00')])
  })

  it('respects a neighbour whose buffer reaches into the day, and busy intervals given in any order', () => {
    const rules = rulesWith({ bufferMinutes: 30, openingHours: mondayHours, slotStepMinutes: 60 })
    const busy = [
      { end: at(monday, '16:00'), start: at(monday, '15:00') },
      { end: at(monday, '09:30'), start: at('2026-06-14', '20:00') },
      { end: at(monday, '12:00'), start: at(monday, '11:30') },
    ]
    const days = freeSlots({ busy, durationMinutes: 60, from: monday, now: LONG_AGO, rules, timeZone: PARIS, to: monday })
    // [s, s + 90 min) must miss [prev day 20:00, 10:00), [11:30, 12:30) and [15:00, 16:30).
    expect(times(days)).toEqual(['10:00', '13:00'])
  })

  it('offers nothing before now + lead time, without realigning the step to now', () => {
    const rules = rulesWith({ leadTimeMinutes: 60, openingHours: mondayHours, slotStepMinutes: 30 })
    const days = freeSlots({ busy: [], durationMinutes: 60, from: monday, now: at(monday, '10:10'), rules, timeZone: PARIS, to: monday })
    expect(times(days)).toEqual(['11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'])
    const exactly = freeSlots({ busy: [], durationMinutes: 60, from: monday, now: at(monday, '15:00'), rules, timeZone: PARIS, to: monday })
    expect(times(exactly)).toEqual(['16:00'])
  })

  it('steps by slotStepMinutes while the slot still ends within the opening interval', () => {
    const rules = rulesWith({ openingHours: [{ closes: '12:00', opens: '09:00', weekday: 'monday' }], slotStepMinutes: 45 })
    const days = freeSlots({ busy: [], durationMinutes: 60, from: monday, now: LONG_AGO, rules, timeZone: PARIS, to: monday })
    expect(times(days)).toEqual(['09:00', '09:45', '10:30'])
  })

  it('uses every range of the weekday, merged ones as one', () => {
    const rules = rulesWith({
      openingHours: [
        { closes: '12:00', opens: '09:00', weekday: 'monday' },
        { closes: '13:00', opens: '11:00', weekday: 'monday' },
        { closes: '17:00', opens: '14:00', weekday: 'monday' },
        { closes: '18:00', opens: '17:00', weekday: 'monday' },
      ],
    })
    const days = freeSlots({ busy: [], durationMinutes: 120, from: monday, now: LONG_AGO, rules, timeZone: PARIS, to: monday })
    expect(times(days)).toEqual(['09:00', '10:00', '11:00', '14:00', '15:00', '16:00'])
  })

  it('lists every date from `from` to `to` inclusive, empty days included', () => {
    const rules = rulesWith({ openingHours: [{ closes: '11:00', opens: '09:00', weekday: 'monday' }] })
    const days = freeSlots({ busy: [], durationMinutes: 60, from: '2026-06-13', now: LONG_AGO, rules, timeZone: PARIS, to: monday })
    expect(days.map(({ date, slots }) => [date, slots.length])).toEqual([
      ['2026-06-13', 0],
      ['2026-06-14', 0],
      ['2026-06-15', 2],
    ])
    expect(freeSlots({ busy: [], durationMinutes: 60, from: monday, now: LONG_AGO, rules, timeZone: PARIS, to: '2026-06-14' })).toEqual([])
  })

  it('throws RangeError for a duration outside [min, max], a non-positive step or a malformed date', () => {
    const rules = rulesWith({ maxMinutes: 120, minMinutes: 60, openingHours: mondayHours })
    const call = (durationMinutes: number, overrides: Partial<RoomRules> = {}, to = monday) => () =>
      freeSlots({ busy: [], durationMinutes, from: monday, now: LONG_AGO, rules: { ...rules, ...overrides }, timeZone: PARIS, to })
    expect(call(59)).toThrow(RangeError)
    expect(call(121)).toThrow(RangeError)
    expect(call(60)).not.toThrow()
    expect(call(120)).not.toThrow()
    expect(call(60, { slotStepMinutes: 0 })).toThrow(RangeError)
    expect(call(60, {}, 'someday')).toThrow(RangeError)
  })

  it('agrees with a brute-force check on random busy intervals', () => {
    // Park–Miller: deterministic, and exact in doubles.
    let seed = 42
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
    const rules = rulesWith({ bufferMinutes: 10, openingHours: WEEKDAYS.map((weekday) => ({ closes: '20:00', opens: '08:00', weekday })), slotStepMinutes: 15 })
    const from = '2026-10-20'
    const base = at(from, '00:00').getTime()
    const busy = Array.from({ length: 60 }, () => {
      const start = base + Math.floor(random() * 10 * 24 * 4) * 15 * 60_000
      return { end: new Date(start + (1 + Math.floor(random() * 12)) * 15 * 60_000), start: new Date(start) }
    })
    const now = at('2026-10-21', '13:07')
    const days = freeSlots({ busy, durationMinutes: 75, from, now, rules, timeZone: PARIS, to: '2026-10-29' })

    const buffer = rules.bufferMinutes * 60_000
    const expected = days.map(({ date }) =>
      openingIntervalsOn(date, rules, PARIS).flatMap((opening) => {
        const starts: string[] = []
        for (let start = opening.start.getTime(); start + 75 * 60_000 <= opening.end.getTime(); start += 15 * 60_000) {
          const end = start + 75 * 60_000
          const collides = busy.some((b) => start < b.end.getTime() + buffer && b.start.getTime() < end + buffer)
          if (start >= now.getTime() && !collides) starts.push(new Date(start).toISOString())
        }
        return starts
      }),
    )
    expect(days.map(({ slots }) => slots.map((slot) => slot.start.toISOString()))).toEqual(expected)
    expect(expected.flat().length).toBeGreaterThan(50)
  })
})

describe('checkBookingWindow', () => {
  const monday = '2026-06-15'
  const rules = rulesWith({
    leadTimeMinutes: 120,
    maxMinutes: 180,
    minMinutes: 60,
    openingHours: [
      { closes: '12:00', opens: '09:00', weekday: 'monday' },
      { closes: '18:00', opens: '14:00', weekday: 'monday' },
      { closes: '24:00', opens: '20:00', weekday: 'monday' },
      { closes: '02:00', opens: '00:00', weekday: 'tuesday' },
      { closes: '06:00', opens: '00:00', weekday: 'sunday' },
    ],
  })
  const now = at('2026-06-01', '12:00')
  const check = (start: Date, end: Date, overrides: { now?: Date; timeZone?: string } = {}) =>
    checkBookingWindow({ end, now: overrides.now ?? now, rules, start, timeZone: overrides.timeZone ?? PARIS })

  it('accepts a window inside one opening interval, including one ending at 24:00', () => {
    expect(check(at(monday, '09:00'), at(monday, '10:30'))).toBeNull()
    expect(check(at(monday, '09:00'), at(monday, '12:00'))).toBeNull()
    expect(check(at(monday, '22:00'), at(monday, '24:00'))).toBeNull()
  })

  it('end_before_start', () => {
    expect(check(at(monday, '10:00'), at(monday, '10:00'))?.code).toBe('end_before_start')
    expect(check(at(monday, '10:00'), at(monday, '09:00'))?.code).toBe('end_before_start')
  })

  it('too_soon, with exactly now + lead accepted', () => {
    expect(check(at(monday, '09:00'), at(monday, '10:00'), { now: at(monday, '07:01') })?.code).toBe('too_soon')
    expect(check(at(monday, '09:00'), at(monday, '10:00'), { now: at(monday, '07:00') })).toBeNull()
  })

  it('too_short and too_long, in real minutes', () => {
    expect(check(at(monday, '09:00'), at(monday, '09:59'))?.code).toBe('too_short')
    expect(check(at(monday, '14:00'), at(monday, '17:01'))?.code).toBe('too_long')
    expect(check(at(monday, '14:00'), at(monday, '17:00'))).toBeNull()
    // 01:00 → 04:00 local on the Paris spring-forward night is 2 real hours, not 3.
    expect(check(at('2026-03-29', '01:00'), at('2026-03-29', '04:00'), { now: LONG_AGO })).toBeNull()
    // 00:00 → 04:00 local there is 3 real hours: at the maximum, still accepted; 00:00 → 04:01 is not.
    expect(check(at('2026-03-29', '00:00'), at('2026-03-29', '04:00'), { now: LONG_AGO })).toBeNull()
    expect(check(at('2026-03-29', '00:00'), at('2026-03-29', '04:01'), { now: LONG_AGO })?.code).toBe('too_long')
  })

  it('outside_opening_hours: before opening, across a closed gap, past midnight into the next day', () => {
    expect(check(at(monday, '08:30'), at(monday, '09:30'))?.code).toBe('outside_opening_hours')
    expect(check(at(monday, '11:00'), at(monday, '12:30'))?.code).toBe('outside_opening_hours')
    expect(check(at(monday, '11:30'), at(monday, '14:30'))?.code).toBe('outside_opening_hours')
    expect(check(at(monday, '23:00'), at('2026-06-16', '01:00'))?.code).toBe('outside_opening_hours')
    expect(check(at('2026-06-16', '00:00'), at('2026-06-16', '01:00'))).toBeNull()
    expect(check(at('2026-06-17', '09:00'), at('2026-06-17', '10:00'))?.code).toBe('outside_opening_hours')
  })

  it('reads opening hours in the given zone', () => {
    const start = new Date('2026-06-15T07:00:00Z') // 09:00 in Paris, 03:00 in Montreal
    expect(check(start, new Date(start.getTime() + 3_600_000))).toBeNull()
    expect(check(start, new Date(start.getTime() + 3_600_000), { timeZone: MONTREAL })?.code).toBe('outside_opening_hours')
  })

  it('carries a human-readable message', () => {
    expect(check(at(monday, '10:00'), at(monday, '09:00'))?.message).toMatch(/end after it starts/)
  })
})
