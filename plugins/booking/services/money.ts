// Prices, deposits and refunds in integer minor units of the tenant's currency (cents, or yen for JPY).
// Rounding happens once, at the end, on integers wherever the inputs allow it, so no float drift leaks in.
import { subtractCalendarDays } from './zonedTime'

export type DepositRule = { depositType: 'percentage'; depositPercent: number } | { depositType: 'fixed'; depositAmount: number }

export type CancellationTier = { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }

export type RefundQuote = {
  refundPercent: number
  refundAmount: number
  /** The tier applied; null when none is satisfied (no refund). */
  tier: CancellationTier | null
  /** Real hours from `now` to the start; negative once the booking has started. */
  hoursBefore: number
}

const HOUR_MS = 3_600_000

function assertMinorUnits(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}.`)
}

const clampPercent = (percent: number) => Math.min(100, Math.max(0, percent))

/** `numerator / denominator` rounded half up; exact when both are non-negative integers. */
const divideRoundingHalfUp = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator))

/** Rate × minutes / 60, rounded half up to a whole minor unit. */
export function priceFor(hourlyRateMinor: number, minutes: number): number {
  assertMinorUnits(hourlyRateMinor, 'Hourly rate')
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Minutes must be non-negative, got ${minutes}.`)
  return divideRoundingHalfUp(hourlyRateMinor * minutes, 60)
}

/** Percentage deposits round half up; fixed deposits are capped at the price. Never negative, never above price. */
export function depositFor(price: number, rule: DepositRule): number {
  assertMinorUnits(price, 'Price')
  const value = rule.depositType === 'percentage' ? rule.depositPercent : rule.depositAmount
  if (!Number.isFinite(value)) throw new RangeError(`Deposit rule value must be a number, got ${value}.`)
  const deposit =
    rule.depositType === 'percentage'
      ? divideRoundingHalfUp(price * clampPercent(rule.depositPercent), 100)
      : Math.min(rule.depositAmount, price)
  return Math.min(price, Math.max(0, deposit))
}

/** The instant by which a cancellation must happen to earn the tier. */
function tierDeadline(tier: CancellationTier, start: Date, timeZone: string): number {
  // Days are calendar days in the tenant's zone, so "7 days before" keeps its wall-clock time across a DST change.
  if (tier.noticeUnit === 'days') return subtractCalendarDays(start, tier.noticeAmount, timeZone).getTime()
  return start.getTime() - tier.noticeAmount * HOUR_MS
}

/**
 * The refund for cancelling at `now`: the satisfied tier with the largest notice (the earliest deadline; on a tie,
 * the higher refund) applies. A tier's notice is satisfied when `now` is at or before its deadline, so exactly
 * 7 days or exactly 48 h before qualifies. No satisfied tier, or a booking already started, refunds nothing.
 * The amount rounds down, so it never exceeds `paid`.
 */
export function refundQuote(args: {
  tiers: CancellationTier[]
  start: Date
  now: Date
  timeZone: string
  paid: number
}): RefundQuote {
  const { now, paid, start, tiers, timeZone } = args
  assertMinorUnits(paid, 'Paid amount')
  const hoursBefore = (start.getTime() - now.getTime()) / HOUR_MS

  let best: { deadline: number; tier: CancellationTier } | null = null
  if (now.getTime() <= start.getTime()) {
    for (const tier of tiers) {
      const deadline = tierDeadline(tier, start, timeZone)
      if (now.getTime() > deadline) continue
      const better =
        !best || deadline < best.deadline || (deadline === best.deadline && tier.refundPercent > best.tier.refundPercent)
      if (better) best = { deadline, tier }
    }
  }
  if (!best) return { hoursBefore, refundAmount: 0, refundPercent: 0, tier: null }

  const refundPercent = clampPercent(best.tier.refundPercent)
  const refundAmount = Math.min(paid, Math.floor((paid * refundPercent) / 100))
  return { hoursBefore, refundAmount, refundPercent, tier: best.tier }
}
