// Sentences of the customer's booking page, from the booking and the API's answers. Pure: the words come in
// as `t` (the page's messages), the amounts and dates as `f` (the page's formats). The status label itself
// comes from the API (`statusLabel`).
import type { ApiFailure } from '../api'
import type { PageFormat } from '../format'
import type { Translate } from '../messages'
import type { Booking, Quote, StoredRefund, Tier } from './manageTypes'

import { describeFailure } from '../api'
import { NOT_FOUND } from './manageTypes'

const HEADLINE: Record<string, string> = {
  awaiting_payment: 'manage.headline.awaitingPayment',
  cancelled: 'manage.headline.cancelled',
  completed: 'manage.headline.completed',
  confirmed: 'manage.headline.confirmed',
  converted: 'manage.headline.confirmed',
  expired: 'manage.headline.expired',
  pending: 'manage.headline.pending',
}

/** The page's heading for the booking as it stands. */
export const headline = (booking: Booking, t: Translate) =>
  t(booking.awaitingCustomerConfirmation ? 'manage.headline.confirmNeeded' : Object.hasOwn(HEADLINE, booking.status) ? HEADLINE[booking.status]! : 'manage.title')

const noticeText = (tier: Tier, t: Translate, f: PageFormat) => {
  const one = f.one(tier.noticeAmount)
  const key = tier.noticeUnit === 'days' ? (one ? 'manage.notice.day.one' : 'manage.notice.day.other') : one ? 'manage.notice.hour.one' : 'manage.notice.hour.other'
  return t(key, { count: tier.noticeAmount })
}

/** Why the refund is what it is, under the quote. */
export function quoteExplanation(quote: Quote, t: Translate, f: PageFormat): string {
  if (quote.paid <= 0) return t('manage.quote.nothingPaid')
  const amount = f.money(quote.paid, quote.currency)
  if (!quote.tier) return t('manage.quote.tooLate', { amount })
  return t('manage.quote.tier', { amount, notice: noticeText(quote.tier, t, f), percent: quote.tier.refundPercent })
}

/** What happens to the money of a cancelled booking, from the refund stored with it. */
export function refundNote(refund: StoredRefund, currency: string, t: Translate, f: PageFormat): string {
  const value = refund.refundAmount ?? 0
  if (value <= 0) return t((refund.paid ?? 0) > 0 ? 'manage.refund.noneDue' : 'manage.refund.nothingPaid')
  const amount = f.money(value, currency)
  switch (refund.refundStatus) {
    case 'succeeded':
      return t('manage.refund.succeeded', { amount })
    case 'failed':
      return t('manage.refund.failed', { amount })
    case 'none':
      return t('manage.refund.manual', { amount })
    default:
      return t('manage.refund.processing', { amount })
  }
}

const PAYMENT_CONFLICT: Record<string, string> = {
  already_paid: 'manage.pay.alreadyPaid',
  hold_expired: 'manage.pay.holdExpired',
  not_payable: 'manage.pay.notPayable',
  nothing_due: 'manage.pay.nothingDue',
}

export function paymentFailure(failure: ApiFailure, t: Translate): string {
  if (failure.status === 503) return t('manage.pay.unavailable')
  if (failure.status === 502) return t('manage.pay.providerDown')
  if (failure.status === 404) return t(NOT_FOUND)
  if (failure.status === 409 && failure.code && Object.hasOwn(PAYMENT_CONFLICT, failure.code)) return t(PAYMENT_CONFLICT[failure.code]!)
  return describeFailure(failure, t)
}

const CONFIRMATION_FAILURE: Record<string, string> = {
  booking_cancelled: 'manage.confirm.cancelled',
  hold_expired: 'manage.confirm.holdExpired',
  link_required: 'manage.confirm.linkRequired',
}

export function confirmationFailure(failure: ApiFailure, t: Translate): string {
  if (failure.status === 404) return t(NOT_FOUND)
  if (failure.code && Object.hasOwn(CONFIRMATION_FAILURE, failure.code)) return t(CONFIRMATION_FAILURE[failure.code]!)
  return describeFailure(failure, t)
}
