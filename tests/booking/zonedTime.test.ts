import { describe, expect, it } from 'vitest'

import {
  WEEKDAYS,
  addDays,
  formatInZone,
  localDateOf,
  localTimeOf,
  subtractCalendarDays,
  weekdayOf,
  zonedDateTimeToInstant,
} from '../../plugins/booking/services/zonedTime'

const PARIS = 'Europe/Paris'
const MONTREAL = 'America/Montreal'

const iso = (date: Date) => date.toISOString()

describe('zonedDateTimeToInstant', () => {
  it('reads ordinary wall times with the offset in force', () => {
    expect(iso(zonedDateTimeToInstant('2026-01-15', '09:00', PARIS))).toBe('2026-01-15T08:00:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-07-15', '09:00', PARIS))).toBe('2026-07-15T07:00:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-01-15', '09:00', MONTREAL))).toBe('2026-01-15T14:00:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-07-15', '09:00', MONTREAL))).toBe('2026-07-15T13:00:00.000Z')
  })

  it('pushes a wall time inside a spring-forward gap forward by the gap (Temporal "compatible")', () => {
    // Paris skips 02:00–03:00 on 2026-03-29: 02:30 becomes 03:30 CEST.
    expect(iso(zonedDateTimeToInstant('2026-03-29', '02:30', PARIS))).toBe('2026-03-29T01:30:00.000Z')
    expect(formatInZone(zonedDateTimeToInstant('2026-03-29', '02:30', PARIS), PARIS)).toBe('2026-03-29T03:30:00+02:00')
    expect(iso(zonedDateTimeToInstant('2026-03-29', '02:00', PARIS))).toBe('2026-03-29T01:00:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-03-29', '03:00', PARIS))).toBe('2026-03-29T01:00:00.000Z')
    // Montreal skips 02:00–03:00 on 2026-03-08.
    expect(iso(zonedDateTimeToInstant('2026-03-08', '02:30', MONTREAL))).toBe('2026-03-08T07:30:00.000Z')
    expect(formatInZone(zonedDateTimeToInstant('2026-03-08', '02:30', MONTREAL), MONTREAL)).toBe('2026-03-08T03:30:00-04:00')
  })

  it('takes the earlier instant for a wall time repeated on fall-back', () => {
    // Paris repeats 02:00–03:00 on 2026-10-25 (CEST, then CET).
    expect(iso(zonedDateTimeToInstant('2026-10-25', '02:30', PARIS))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-10-25', '03:00', PARIS))).toBe('2026-10-25T02:00:00.000Z')
    // Montreal repeats 01:00–02:00 on 2026-11-01 (EDT, then EST).
    expect(iso(zonedDateTimeToInstant('2026-11-01', '01:30', MONTREAL))).toBe('2026-11-01T05:30:00.000Z')
    expect(iso(zonedDateTimeToInstant('2026-11-01', '02:00', MONTREAL))).toBe('2026-11-01T07:00:00.000Z')
  })

  it('reads 24:00 as midnight starting the next day', () => {
    expect(formatInZone(zonedDateTimeToInstant('2026-03-28', '24:00', PARIS), PARIS)).toBe('2026-03-29T00:00:00+01:00')
    expect(formatInZone(zonedDateTimeToInstant('2026-12-31', '24:00', MONTREAL), MONTREAL)).toBe('2027-01-01T00:00:00-05:00')
  })

  it('refuses malformed or impossible dates and times', () => {
    expect(() => zonedDateTimeToInstant('2026-02-30', '09:00', PARIS)).toThrow(RangeError)
    expect(() => zonedDateTimeToInstant('2026-2-3', '09:00', PARIS)).toThrow(RangeError)
    expect(() => zonedDateTimeToInstant('2026-02-03', '9:00', PARIS)).toThrow(RangeError)
    expect(() => zonedDateTimeToInstant('2026-02-03', '24:30', PARIS)).toThrow(RangeError)
    expect(() => zonedDateTimeToInstant('2026-02-03', '12:60', PARIS)).toThrow(RangeError)
    expect(() => zonedDateTimeToInstant('2026-02-03', '09:00', 'Mars/Olympus')).toThrow(RangeError)
  })
})

describe('local date and time of an instant', () => {
  it('follows the zone, including across midnight', () => {
    const instant = new Date('2026-03-28T23:30:00Z')
    expect(localDateOf(instant, PARIS)).toBe('2026-03-29')
    expect(localTimeOf(instant, PARIS)).toBe('00:30')
    expect(localDateOf(instant, MONTREAL)).toBe('2026-03-28')
    expect(localTimeOf(instant, MONTREAL)).toBe('19:30')
  })

  it('prints midnight as 00:00', () => {
    expect(localTimeOf(new Date('2026-06-30T22:00:00Z'), PARIS)).toBe('00:00')
  })
})

describe('calendar dates', () => {
  it('names weekdays, Monday first', () => {
    expect(WEEKDAYS[0]).toBe('monday')
    expect(WEEKDAYS).toHaveLength(7)
    expect(weekdayOf('2026-03-29')).toBe('sunday')
    expect(weekdayOf('2026-03-30')).toBe('monday')
    expect(weekdayOf('2026-11-01')).toBe('sunday')
    expect(weekdayOf('2028-02-29')).toBe('tuesday')
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addDays('2026-03-25', 7)).toBe('2026-04-01')
    expect(addDays('2026-03-25', 0)).toBe('2026-03-25')
  })
})

describe('formatInZone', () => {
  it('writes ISO 8601 with the offset at that instant, seconds included', () => {
    expect(formatInZone(new Date('2026-03-29T01:00:00Z'), PARIS)).toBe('2026-03-29T03:00:00+02:00')
    expect(formatInZone(new Date('2026-03-29T00:59:59Z'), PARIS)).toBe('2026-03-29T01:59:59+01:00')
    expect(formatInZone(new Date('2026-11-01T05:30:00Z'), MONTREAL)).toBe('2026-11-01T01:30:00-04:00')
    expect(formatInZone(new Date('2026-11-01T06:30:00Z'), MONTREAL)).toBe('2026-11-01T01:30:00-05:00')
    expect(formatInZone(new Date('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-01T05:30:00+05:30')
    expect(formatInZone(new Date('2026-06-01T00:00:00Z'), 'UTC')).toBe('2026-06-01T00:00:00+00:00')
  })
})

describe('subtractCalendarDays', () => {
  it('keeps the wall-clock time across a DST change, so the real gap is not days × 24 h', () => {
    const start = zonedDateTimeToInstant('2026-04-01', '10:00', PARIS)
    const weekBefore = subtractCalendarDays(start, 7, PARIS)
    expect(formatInZone(weekBefore, PARIS)).toBe('2026-03-25T10:00:00+01:00')
    expect((start.getTime() - weekBefore.getTime()) / 3_600_000).toBe(167)

    const autumn = zonedDateTimeToInstant('2026-11-03', '18:15', MONTREAL)
    expect(formatInZone(subtractCalendarDays(autumn, 3, MONTREAL), MONTREAL)).toBe('2026-10-31T18:15:00-04:00')
  })

  it('keeps seconds and milliseconds', () => {
    const instant = new Date('2026-06-10T08:15:42.250Z')
    expect(iso(subtractCalendarDays(instant, 2, PARIS))).toBe('2026-06-08T08:15:42.250Z')
  })

  it('resolves a landing in a gap or overlap like zonedDateTimeToInstant', () => {
    const intoGap = subtractCalendarDays(new Date('2026-03-30T00:30:00Z') /* 02:30 CEST */, 1, PARIS)
    expect(formatInZone(intoGap, PARIS)).toBe('2026-03-29T03:30:00+02:00')
    const intoOverlap = subtractCalendarDays(new Date('2026-11-02T06:30:00Z') /* 01:30 EST */, 1, MONTREAL)
    expect(formatInZone(intoOverlap, MONTREAL)).toBe('2026-11-01T01:30:00-04:00')
  })
})
