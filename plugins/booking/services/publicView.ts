// What the public booking pages show, decided on the server so that no page recomputes a rule: what a slot
// costs and asks upfront, which durations a room offers, and whether a booking can be paid or cancelled,
// how it stands, and its label. Pure.
import type { Booking } from '../../../payload-types'
import type { DepositRule } from './money'

import { depositFor, priceFor } from './money'
import { BLOCKING_STATUSES, type BookingStatus, canTransition, HOLDING_STATUSES } from './transitions'

// The booking page lists at most this many durations (a room open 24 h in 5-minute steps would offer 288).
const MAX_DURATIONS = 200

export type SlotQuote = { deposit: number; price: number }

/** What a booking from `start` to `end` costs and asks upfront, priced as the booking will be: real minutes. */
export function slotQuote(hourlyRate: number, deposit: DepositRule, start: Date, end: Date): SlotQuote {
  const price = priceFor(hourlyRate, Math.round((end.getTime() - start.getTime()) / 60_000))
  return { deposit: depositFor(price, deposit), price }
}

type DurationRules = { hourlyRate: number; maxMinutes: number; minMinutes: number; slotStepMinutes: number }

/** The durations the booking page offers for a room, each with its price: min to max in slot steps (the minimum at least). */
export function offeredDurations(room: DurationRules): { minutes: number; price: number }[] {
  const step = room.slotStepMinutes > 0 ? room.slotStepMinutes : room.minMinutes
  const minutes: number[] = []
  for (let candidate = room.minMinutes; candidate <= room.maxMinutes && minutes.length < MAX_DURATIONS && step > 0; candidate += step) minutes.push(candidate)
  if (minutes.length === 0) minutes.push(room.minMinutes)
  return minutes.map((value) => ({ minutes: value, price: priceFor(room.hourlyRate, value) }))
}

/**
 * How a booking stands: `open` while it holds its slot waiting for something (the deposit, its customer, the
 * studio), `kept` once confirmed (then converted or completed), `ended` when cancelled or expired.
 */
export type BookingPhase = 'ended' | 'kept' | 'open'

export function bookingPhase(status: BookingStatus): BookingPhase {
  if (HOLDING_STATUSES.includes(status)) return 'open'
  return BLOCKING_STATUSES.includes(status) ? 'kept' : 'ended'
}

type PayableFields = Pick<Booking, 'amountPaid' | 'deposit' | 'holdExpiresAt' | 'status'>

/**
 * Whether its deposit can be paid now: a deposit is due, nothing is paid yet, the booking waits for it, and a
 * `pending` booking's hold has not run out (a checkout must not give it a second hold).
 */
export function isPayable(booking: PayableFields, now = new Date()): boolean {
  if (!HOLDING_STATUSES.includes(booking.status)) return false
  if ((booking.deposit ?? 0) <= 0 || (booking.amountPaid ?? 0) > 0) return false
  const holdOver = booking.holdExpiresAt ? Date.parse(booking.holdExpiresAt) < now.getTime() : false
  return !(booking.status === 'pending' && holdOver)
}

/** Whether its status still allows a cancellation (by whom is the endpoint's question). */
export const isCancellable = (status: BookingStatus): boolean => canTransition(status, 'cancelled')

// The booking pages are in English. The emails follow the studio's default locale; these could too, once a page does.
const STATUS_LABELS: Record<BookingStatus, string> = {
  awaiting_payment: 'Awaiting the deposit',
  cancelled: 'Cancelled',
  completed: 'Completed',
  confirmed: 'Confirmed',
  converted: 'Confirmed',
  expired: 'Expired',
  pending: 'Received, waiting for the studio to confirm',
}
const AWAITING_CONFIRMATION_LABEL = 'Waiting for your confirmation'

/** The status as its customer reads it; a booking waiting for the customer's confirmation says so. */
export function statusLabel(status: BookingStatus, awaitingCustomerConfirmation: boolean): string {
  if (awaitingCustomerConfirmation) return AWAITING_CONFIRMATION_LABEL
  return Object.hasOwn(STATUS_LABELS, status) ? STATUS_LABELS[status] : status
}

/** The fields every public answer about a booking carries beside its data. */
export function bookingStanding(booking: PayableFields, awaitingCustomerConfirmation: boolean, now = new Date()) {
  return {
    cancellable: isCancellable(booking.status),
    payable: isPayable(booking, now),
    phase: bookingPhase(booking.status),
    statusLabel: statusLabel(booking.status, awaitingCustomerConfirmation),
  }
}
