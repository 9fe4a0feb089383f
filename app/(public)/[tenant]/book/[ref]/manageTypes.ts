// What the customer's booking page knows: the booking as the public API answers it, the proof it was
// opened with, and the wording of statuses.

export type PaymentReturn = 'cancelled' | 'success' | null

/** The access code (X-Booking-Token), the emailed lookup link's token (X-Lookup-Token), or the email. */
export type Proof = { email?: string; lookup?: string; token?: string }
export type Tier = { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }
export type Quote = { currency: string; paid: number; refundAmount: number; refundPercent: number; status: string; tier: null | Tier }
export type StoredRefund = { currency?: string; paid?: number; refundAmount?: number; refundedAmount?: number; refundPercent?: number; refundStatus?: string }
export type Booking = {
  awaitingCustomerConfirmation?: boolean
  /** Whether this page may cancel: with the email alone, the emailed link is needed. */
  cancellation?: 'allowed' | 'link_required' | 'unavailable'
  currency: null | string
  customer?: { email: string; name: string }
  customerConfirmedAt?: null | string
  deposit: null | number
  end: string
  /** Until when the slot is held without a payment or the customer's confirmation (studio zone). */
  holdExpiresAt?: null | string
  price: null | number
  ref: string
  refundQuote?: null | StoredRefund
  room?: { id: number; name: string }
  start: string
  status: string
  timezone?: string
}

export type Screen = 'failed' | 'form' | 'invalidRef' | 'loading' | 'ready'
export type CancelFlow = { quote: Quote; step: 'cancelling' | 'confirm' } | { step: 'idle' } | { step: 'quoting' }
export type FocusTarget = 'cancelButton' | 'confirm' | 'details'
export type LoadMode = 'form' | 'initial' | 'refresh' | 'silent'
/** Asking for a "your bookings" link by email, to cancel a booking found by email. */
export type LinkRequest = 'failed' | 'idle' | 'sending' | 'sent'

export const NOT_FOUND_MESSAGE =
  'We could not find this booking with that code or email. Check the access code in your confirmation email, or the address you booked with.'
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// As the server's booking references: `BK-XXXX-XXXX` in Crockford base32, any case.
export const BOOKING_REF = /^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/
// Access codes are base64url; anything else cannot match (and could not even travel in a header).
export const ACCESS_CODE = /^[\w-]{1,200}$/
// Confirmation codes are hex; lookup tokens are base64url, a dot, hex.
export const CONFIRMATION_CODE = /^[0-9a-f]{1,200}$/
export const LOOKUP_TOKEN = /^[\w-]{1,900}\.[0-9a-f]{1,100}$/

export const STATUS_LABEL: Record<string, string> = {
  awaiting_payment: 'Awaiting the deposit',
  cancelled: 'Cancelled',
  completed: 'Completed',
  confirmed: 'Confirmed',
  converted: 'Confirmed',
  expired: 'Expired',
  pending: 'Received, waiting for the studio to confirm',
}

export const HEADLINE: Record<string, string> = {
  awaiting_payment: 'Your booking is waiting for the deposit',
  cancelled: 'This booking is cancelled',
  completed: 'This booking is completed',
  confirmed: 'Your booking is confirmed',
  converted: 'Your booking is confirmed',
  expired: 'This booking has expired',
  pending: 'Your booking is received',
}

export const AWAITING_CONFIRMATION_LABEL = 'Waiting for your confirmation'
export const AWAITING_CONFIRMATION_HEADLINE = 'Please confirm your booking'

export const PAYABLE = new Set(['awaiting_payment', 'pending'])
export const SETTLED = new Set(['completed', 'confirmed', 'converted'])
