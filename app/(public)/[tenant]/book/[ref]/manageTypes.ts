// What the customer's booking page knows: the booking as the public API answers it (with what the server
// decided about it: `payable`, `cancellable`, `phase`, `statusLabel`), and the proof it was opened with.
import type { PublicBooking } from '../api'

export type PaymentReturn = 'cancelled' | 'success' | null

/** The access code (X-Booking-Token), the emailed lookup link's token (X-Lookup-Token), or the email. */
export type Proof = { email?: string; lookup?: string; token?: string }
export type Tier = { noticeAmount: number; noticeUnit: 'days' | 'hours'; refundPercent: number }
export type Quote = { currency: string; paid: number; refundAmount: number; refundPercent: number; status: string; tier: null | Tier }
export type StoredRefund = { currency?: string; paid?: number; refundAmount?: number; refundedAmount?: number; refundPercent?: number; refundStatus?: string }
export type Booking = PublicBooking & {
  /** Whether this page may cancel: with the email alone, the emailed link is needed. */
  cancellation?: 'allowed' | 'link_required' | 'unavailable'
  customer?: { email: string; name: string }
  refundQuote?: null | StoredRefund
  room?: { id: number; name: string }
  timezone?: string
}

export type Screen = 'failed' | 'form' | 'invalidRef' | 'loading' | 'ready'
export type CancelFlow = { quote: Quote; step: 'cancelling' | 'confirm' } | { step: 'idle' } | { step: 'quoting' }
export type FocusTarget = 'cancelButton' | 'confirm' | 'details'
/** `probe`: the link carries no proof; the answer only says whether the reference is one (400) or not (404). */
export type LoadMode = 'form' | 'initial' | 'probe' | 'refresh' | 'silent'
/** Asking for a "your bookings" link by email, to cancel a booking found by email. */
export type LinkRequest = 'failed' | 'idle' | 'sending' | 'sent'

/** The key of the page's sentence for a booking not found with the code or email given. */
export const NOT_FOUND = 'manage.notFound'
// Longest codes the page sends: the access code field's length, and the lookup token the server reads.
export const MAX_ACCESS_CODE = 200
export const MAX_LOOKUP_TOKEN = 1000
