import { describe, expect, it } from 'vitest'

import { type CancellationTier, depositFor, priceFor, refundQuote } from '../../plugins/booking/services/money'
import { zonedDateTimeToInstant } from '../../plugins/booking/services/zonedTime'

const PARIS = 'Europe/Paris'
const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000

describe('priceFor', () => {
  it('is rate × minutes / 60, rounded half up to whole minor units', () => {
    expect(priceFor(2500, 60)).toBe(2500)
    expect(priceFor(2500, 90)).toBe(3750)
    expect(priceFor(1001, 30)).toBe(501) // 500.5
    expect(priceFor(1, 30)).toBe(1) // 0.5
    expect(priceFor(1, 29)).toBe(0) // 0.483…
    expect(priceFor(999, 1)).toBe(17) // 16.65
    expect(priceFor(1003, 45)).toBe(752) // 752.25
    expect(priceFor(0, 120)).toBe(0)
  })

  it('refuses negative or fractional rates', () => {
    expect(() => priceFor(-100, 60)).toThrow(RangeError)
    expect(() => priceFor(10.5, 60)).toThrow(RangeError)
    expect(() => priceFor(100, -1)).toThrow(RangeError)
  })
})

describe('depositFor', () => {
  it('rounds percentage deposits half up', () => {
    expect(depositFor(1005, { depositPercent: 50, depositType: 'percentage' })).toBe(503) // 502.5
    expect(depositFor(1015, { depositPercent: 10, depositType: 'percentage' })).toBe(102) // 101.5
    expect(depositFor(1001, { depositPercent: 33, depositType: 'percentage' })).toBe(330) // 330.33
    expect(depositFor(1000, { depositPercent: 0, depositType: 'percentage' })).toBe(0)
    expect(depositFor(1000, { depositPercent: 100, depositType: 'percentage' })).toBe(1000)
  })

  it('caps fixed deposits at the price', () => {
    expect(depositFor(3000, { depositAmount: 1000, depositType: 'fixed' })).toBe(1000)
    expect(depositFor(3000, { depositAmount: 5000, depositType: 'fixed' })).toBe(3000)
    expect(depositFor(0, { depositAmount: 5000, depositType: 'fixed' })).toBe(0)
  })

  it('is never negative and never above the price', () => {
    expect(depositFor(3000, { depositAmount: -10, depositType: 'fixed' })).toBe(0)
    expect(depositFor(3000, { depositPercent: -5, depositType: 'percentage' })).toBe(0)
    expect(depositFor(3000, { depositPercent: 150, depositType: 'percentage' })).toBe(3000)
  })
})

describe('refundQuote', () => {
  const tiers: CancellationTier[] = [
    { noticeAmount: 48, noticeUnit: 'hours', refundPercent: 50 },
    { noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 },
  ]

  it('counts "7 days before" in calendar days of the tenant zone, across the spring DST change', () => {
    const start = zonedDateTimeToInstant('2026-04-01', '10:00', PARIS)
    const sameWallTimeWeekBefore = zonedDateTimeToInstant('2026-03-25', '10:00', PARIS)
    // Only 167 real hours: a "168 h" rule would wrongly refuse.
    const exactly = refundQuote({ now: sameWallTimeWeekBefore, paid: 10_000, start, tiers, timeZone: PARIS })
    expect(exactly).toEqual({ hoursBefore: 167, refundAmount: 10_000, refundPercent: 100, tier: tiers[1] })

    const minuteLate = refundQuote({ now: new Date(sameWallTimeWeekBefore.getTime() + MINUTE_MS), paid: 10_000, start, tiers, timeZone: PARIS })
    expect(minuteLate).toMatchObject({ refundAmount: 5000, refundPercent: 50, tier: tiers[0] })
  })

  it('counts hours as real elapsed hours: exactly 48 h qualifies, 48 h minus 1 s does not', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', PARIS)
    const exactly = refundQuote({ now: new Date(start.getTime() - 48 * HOUR_MS), paid: 8000, start, tiers, timeZone: PARIS })
    expect(exactly).toEqual({ hoursBefore: 48, refundAmount: 4000, refundPercent: 50, tier: tiers[0] })

    const late = refundQuote({ now: new Date(start.getTime() - 48 * HOUR_MS + 1000), paid: 8000, start, tiers, timeZone: PARIS })
    expect(late).toMatchObject({ refundAmount: 0, refundPercent: 0, tier: null })
    expect(late.hoursBefore).toBeCloseTo(48 - 1 / 3600, 9)
  })

  it('does not stretch hours to the wall clock across DST: 10:00 two days before the switch is only 47 h', () => {
    const start = zonedDateTimeToInstant('2026-03-30', '10:00', PARIS)
    const now = zonedDateTimeToInstant('2026-03-28', '10:00', PARIS)
    expect(refundQuote({ now, paid: 8000, start, tiers, timeZone: PARIS })).toMatchObject({ hoursBefore: 47, refundPercent: 0 })
  })

  it('refunds nothing once the booking has started, whatever the tiers', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', PARIS)
    const withZeroNotice = [...tiers, { noticeAmount: 0, noticeUnit: 'hours' as const, refundPercent: 20 }]
    const after = refundQuote({ now: new Date(start.getTime() + MINUTE_MS), paid: 8000, start, tiers: withZeroNotice, timeZone: PARIS })
    expect(after).toMatchObject({ refundAmount: 0, refundPercent: 0, tier: null })
    expect(after.hoursBefore).toBeLessThan(0)
  })

  it('picks the largest satisfied notice whatever the order of the tiers', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', PARIS)
    const shuffled: CancellationTier[] = [
      { noticeAmount: 24, noticeUnit: 'hours', refundPercent: 25 },
      { noticeAmount: 14, noticeUnit: 'days', refundPercent: 100 },
      { noticeAmount: 3, noticeUnit: 'days', refundPercent: 75 },
    ]
    const quote = (hoursBefore: number) =>
      refundQuote({ now: new Date(start.getTime() - hoursBefore * HOUR_MS), paid: 1000, start, tiers: shuffled, timeZone: PARIS }).refundPercent
    expect(quote(24 * 20)).toBe(100)
    expect(quote(24 * 5)).toBe(75)
    expect(quote(30)).toBe(25)
    expect(quote(2)).toBe(0)
  })

  it('works in integer minor units of zero-decimal currencies (JPY)', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', 'Asia/Tokyo')
    const now = new Date(start.getTime() - 72 * HOUR_MS)
    expect(refundQuote({ now, paid: 3333, start, tiers, timeZone: 'Asia/Tokyo' })).toMatchObject({ refundAmount: 1666, refundPercent: 50 })
  })

  it('rounds the amount down and never refunds more than was paid', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', PARIS)
    const now = new Date(start.getTime() - 72 * HOUR_MS)
    const refund = (paid: number, refundPercent: number) =>
      refundQuote({ now, paid, start, tiers: [{ noticeAmount: 1, noticeUnit: 'hours', refundPercent }], timeZone: PARIS }).refundAmount
    expect(refund(1000, 33)).toBe(330)
    expect(refund(1001, 33)).toBe(330) // 330.33
    expect(refund(99, 33)).toBe(32) // 32.67
    expect(refund(999, 100)).toBe(999)
    expect(refund(999, 150)).toBe(999)
    expect(refund(0, 100)).toBe(0)
  })

  it('refunds nothing without tiers', () => {
    const start = zonedDateTimeToInstant('2026-06-15', '10:00', PARIS)
    expect(refundQuote({ now: new Date(start.getTime() - 1000 * HOUR_MS), paid: 500, start, tiers: [], timeZone: PARIS })).toMatchObject({
      refundAmount: 0,
      refundPercent: 0,
      tier: null,
    })
  })
})
