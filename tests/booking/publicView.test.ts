// What the public answers carry beside a booking's data, decided on the server (pure): slot prices, the
// durations a room offers, payable, cancellable, phase and the status label.
import { describe, expect, it } from 'vitest'

import { BOOKING_STATUSES } from '../../plugins/booking/services/transitions'
import { bookingPhase, bookingStanding, isCancellable, isPayable, offeredDurations, slotQuote, statusLabel } from '../../plugins/booking/services/publicView'

const MINUTE_MS = 60_000
const NOW = new Date('2031-03-01T10:00:00Z')
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE_MS).toISOString()

describe('slotQuote', () => {
  it('prices the slot’s real minutes as a booking is priced, and the deposit from the terms', () => {
    const start = new Date('2031-03-30T00:00:00Z')
    // 90 minutes at 29.99 an hour: 44.985, rounded half up; 30 % of it is 13.4955, rounded half up.
    expect(slotQuote(2999, { depositPercent: 30, depositType: 'percentage' }, start, new Date(start.getTime() + 90 * MINUTE_MS))).toEqual({ deposit: 1350, price: 4499 })
    // A fixed deposit is capped at the price; none at all is zero.
    expect(slotQuote(1000, { depositAmount: 5000, depositType: 'fixed' }, start, new Date(start.getTime() + 60 * MINUTE_MS))).toEqual({ deposit: 1000, price: 1000 })
    expect(slotQuote(1000, { depositAmount: 0, depositType: 'fixed' }, start, new Date(start.getTime() + 120 * MINUTE_MS))).toEqual({ deposit: 0, price: 2000 })
  })
})

describe('offeredDurations', () => {
  it('lists min to max in slot steps, each priced', () => {
    expect(offeredDurations({ hourlyRate: 2500, maxMinutes: 180, minMinutes: 60, slotStepMinutes: 60 })).toEqual([
      { minutes: 60, price: 2500 },
      { minutes: 120, price: 5000 },
      { minutes: 180, price: 7500 },
    ])
    // Steps that do not reach the maximum stop below it.
    expect(offeredDurations({ hourlyRate: 1001, maxMinutes: 100, minMinutes: 30, slotStepMinutes: 45 }).map((entry) => entry.minutes)).toEqual([30, 75])
  })

  it('always offers the minimum, steps by the minimum without a step, and stops at 200 durations', () => {
    expect(offeredDurations({ hourlyRate: 1000, maxMinutes: 30, minMinutes: 60, slotStepMinutes: 30 })).toEqual([{ minutes: 60, price: 1000 }])
    expect(offeredDurations({ hourlyRate: 1000, maxMinutes: 120, minMinutes: 60, slotStepMinutes: 0 }).map((entry) => entry.minutes)).toEqual([60, 120])
    expect(offeredDurations({ hourlyRate: 1000, maxMinutes: 24 * 60, minMinutes: 1, slotStepMinutes: 1 })).toHaveLength(200)
  })
})

describe('a booking’s standing', () => {
  const pendingWithDeposit = { amountPaid: 0, deposit: 900, holdExpiresAt: later(30), status: 'pending' as const }

  it('payable: a deposit due, nothing paid, waiting for it, and a pending booking still held', () => {
    expect(isPayable(pendingWithDeposit, NOW)).toBe(true)
    expect(isPayable({ ...pendingWithDeposit, status: 'awaiting_payment' }, NOW)).toBe(true)
    // A checkout in progress past the hold is the payments plugin's to close; paying it still counts.
    expect(isPayable({ ...pendingWithDeposit, holdExpiresAt: later(-1), status: 'awaiting_payment' }, NOW)).toBe(true)
    expect(isPayable({ ...pendingWithDeposit, holdExpiresAt: later(-1) }, NOW)).toBe(false)
    expect(isPayable({ ...pendingWithDeposit, holdExpiresAt: null }, NOW)).toBe(true)
    expect(isPayable({ ...pendingWithDeposit, amountPaid: 900 }, NOW)).toBe(false)
    expect(isPayable({ ...pendingWithDeposit, deposit: 0 }, NOW)).toBe(false)
    expect(isPayable({ ...pendingWithDeposit, deposit: null }, NOW)).toBe(false)
    for (const status of ['confirmed', 'completed', 'converted', 'cancelled', 'expired'] as const) expect(isPayable({ ...pendingWithDeposit, status }, NOW), status).toBe(false)
  })

  it('cancellable while the status allows it; the phase groups the statuses', () => {
    const cancellable = BOOKING_STATUSES.filter((status) => isCancellable(status))
    expect(cancellable).toEqual(['pending', 'awaiting_payment', 'confirmed'])
    expect(Object.fromEntries(BOOKING_STATUSES.map((status) => [status, bookingPhase(status)]))).toEqual({
      awaiting_payment: 'open',
      cancelled: 'ended',
      completed: 'kept',
      confirmed: 'kept',
      converted: 'kept',
      expired: 'ended',
      pending: 'open',
    })
  })

  it('labels every status, and a booking waiting for its customer says so', () => {
    expect(statusLabel('pending', false)).toBe('Received, waiting for the studio to confirm')
    expect(statusLabel('pending', true)).toBe('Waiting for your confirmation')
    expect(statusLabel('awaiting_payment', false)).toBe('Awaiting the deposit')
    expect(statusLabel('converted', false)).toBe('Confirmed')
    expect(statusLabel('cancelled', false)).toBe('Cancelled')
    for (const status of BOOKING_STATUSES) expect(statusLabel(status, false)).not.toBe(status)
    expect(bookingStanding({ ...pendingWithDeposit, status: 'cancelled' }, false, NOW)).toEqual({ cancellable: false, payable: false, phase: 'ended', statusLabel: 'Cancelled' })
  })
})
