// The request context flags of the booking plugin. Payload keeps a call's context on the request, so the
// hooks of that call (and of the calls its hooks make) see them.
import type { Room, Tenant } from '../../payload-types'
import type { BookingStatus } from './services/transitions'

/**
 * The status a booking is being moved to, by the code path that owns that move and carries its side effects
 * and permission. The value must match the move: it authorises that one, not any later edit.
 * Set (through `statusChange`) by: transitionBooking (confirm, cancel, convert), the hold expiry
 * (expirePendingHolds), and the payments plugin (checkout, Stripe events, its hold expiry).
 * Read by: guardBooking, which refuses any other status change with 409 `status_by_action`.
 */
export const STATUS_CHANGE = 'atelierBookingStatusChange'
export const statusChange = (status: BookingStatus) => ({ [STATUS_CHANGE]: status })

/**
 * What the public booking endpoint has checked (lead time, opening hours) and already loaded, handed over
 * to save round trips on the hottest write; its presence also marks the booking as public.
 * Set by: the public booking endpoint (endpoints/publicBookingCreate.ts). Read by: prepareBooking.
 */
export const PUBLIC_BOOKING = 'atelierPublicBooking'
export type PublicBookingContext = {
  accessTokenHash: string
  clientIpHash: null | string
  /** The currency the customer was shown the price in, and the rates' day the page used. */
  display?: { currency: string; rateDate?: string }
  room: Room
  tenant: Tenant
}
