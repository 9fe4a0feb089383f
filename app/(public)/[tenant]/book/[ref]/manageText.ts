// Sentences of the customer's booking page, from the booking and the API's answers. Pure. The status label
// itself comes from the API (`statusLabel`); the dates, times and amounts from `../format`.
import type { ApiFailure } from '../api'
import type { Booking, Quote, StoredRefund, Tier } from './manageTypes'

import { describeFailure } from '../api'
import { formatMoney } from '../format'
import { NOT_FOUND_MESSAGE } from './manageTypes'

const HEADLINE: Record<string, string> = {
  awaiting_payment: 'Your booking is waiting for the deposit',
  cancelled: 'This booking is cancelled',
  completed: 'This booking is completed',
  confirmed: 'Your booking is confirmed',
  converted: 'Your booking is confirmed',
  expired: 'This booking has expired',
  pending: 'Your booking is received',
}

/** The page's heading for the booking as it stands. */
export const headline = (booking: Booking) =>
  booking.awaitingCustomerConfirmation ? 'Please confirm your booking' : Object.hasOwn(HEADLINE, booking.status) ? HEADLINE[booking.status]! : 'Your booking'

const noticeText = (tier: Tier) => `${tier.noticeAmount} ${tier.noticeUnit === 'days' ? 'day' : 'hour'}${tier.noticeAmount === 1 ? '' : 's'}`

/** Why the refund is what it is, under the quote. */
export function quoteExplanation(quote: Quote): string {
  if (quote.paid <= 0) return 'Nothing has been paid on this booking yet, so there is nothing to refund.'
  const paid = `You have paid ${formatMoney(quote.paid, quote.currency)}.`
  if (!quote.tier) return `${paid} It is too close to the start for a refund under the studio’s cancellation terms.`
  return `${paid} Cancelling at least ${noticeText(quote.tier)} before the start refunds ${quote.tier.refundPercent}\u00a0% of it.`
}

/** What happens to the money of a cancelled booking, from the refund stored with it. */
export function refundNote(refund: StoredRefund, currency: string): string {
  const amount = refund.refundAmount ?? 0
  if (amount <= 0) return (refund.paid ?? 0) > 0 ? 'No refund is due under the studio’s cancellation terms.' : 'Nothing had been paid, so no refund is due.'
  const money = formatMoney(amount, currency)
  switch (refund.refundStatus) {
    case 'succeeded':
      return `Your refund of ${money} has been issued. It can take 5 to 10 working days to reach your account.`
    case 'failed':
      return `Your refund of ${money} could not be issued automatically. The studio will contact you about it.`
    case 'none':
      return `The studio will contact you about your refund of ${money}.`
    default:
      return `Your refund of ${money} is being processed.`
  }
}

export function paymentFailure(failure: ApiFailure): string {
  if (failure.status === 503) return 'Online payment is not available for this studio right now. Please contact the studio to pay the deposit.'
  if (failure.status === 502) return 'The payment provider could not be reached. Please try again in a moment.'
  if (failure.status === 404) return NOT_FOUND_MESSAGE
  if (failure.status === 409) {
    if (failure.code === 'already_paid') return 'The deposit is already paid (or being paid). It can take a moment to show here.'
    if (failure.code === 'nothing_due') return 'No deposit is due for this booking.'
    if (failure.code === 'not_payable') return 'This booking cannot be paid in its current state. Its current status is shown above.'
    if (failure.code === 'hold_expired') return 'The time held for this booking has run out, so it can no longer be paid. Please book again.'
  }
  return describeFailure(failure)
}

export function confirmationFailure(failure: ApiFailure): string {
  if (failure.status === 404) return NOT_FOUND_MESSAGE
  if (failure.code === 'link_required') return 'Please open the “Confirm my booking” link in the email we sent you: it is the proof that the address is yours.'
  if (failure.code === 'hold_expired') return 'This booking was not confirmed in time and its time has been released. Please book again.'
  if (failure.code === 'booking_cancelled') return 'This booking was cancelled, so there is nothing to confirm.'
  return describeFailure(failure)
}
