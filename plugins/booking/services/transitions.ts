// Which status changes bookings and sessions allow. Terminal statuses have no way out.
import { IllegalTransitionError } from '../../../utilities/apiErrors'

export { IllegalTransitionError }

export const BOOKING_STATUSES = ['pending', 'awaiting_payment', 'confirmed', 'completed', 'cancelled', 'expired', 'converted'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

/** Statuses that hold the room's slot; cancelled and expired bookings free it. */
export const BLOCKING_STATUSES: BookingStatus[] = ['pending', 'awaiting_payment', 'confirmed', 'converted', 'completed']

/** Statuses in which a hold (`holdExpiresAt`) can run out; leaving them ends the hold. */
export const HOLDING_STATUSES: BookingStatus[] = ['pending', 'awaiting_payment']

export const BOOKING_TRANSITIONS: Record<BookingStatus, BookingStatus[]> = {
  // Back to pending from awaiting_payment: a checkout abandoned before the hold expires.
  awaiting_payment: ['confirmed', 'cancelled', 'expired', 'pending'],
  cancelled: [],
  completed: [],
  confirmed: ['completed', 'cancelled', 'converted'],
  converted: [],
  // A deposit paid after the hold expired revives the booking if its slot is still free (else it is refunded).
  expired: ['confirmed', 'pending'],
  pending: ['awaiting_payment', 'confirmed', 'cancelled', 'expired'],
}

export const SESSION_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const SESSION_TRANSITIONS: Record<SessionStatus, SessionStatus[]> = {
  cancelled: [],
  completed: [],
  in_progress: ['completed', 'cancelled'],
  scheduled: ['in_progress', 'completed', 'cancelled'],
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  // Own keys only: a status read from the database could be anything, `constructor` included.
  return Object.hasOwn(BOOKING_TRANSITIONS, from) && BOOKING_TRANSITIONS[from].includes(to)
}

/** 409 `illegal_transition` (IllegalTransitionError) unless the table allows the move. */
export function assertTransition(from: BookingStatus, to: BookingStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to, 'booking')
}

export function canTransitionSession(from: SessionStatus, to: SessionStatus): boolean {
  return Object.hasOwn(SESSION_TRANSITIONS, from) && SESSION_TRANSITIONS[from].includes(to)
}

export function assertSessionTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransitionSession(from, to)) throw new IllegalTransitionError(from, to, 'session')
}
