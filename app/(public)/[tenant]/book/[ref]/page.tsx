import type { Metadata } from 'next'

import { ManageBooking, type PaymentReturn } from './ManageBooking'

// The access code travels in the link: never index the page, never send it on to other sites in a Referer.
export const metadata: Metadata = { referrer: 'no-referrer', robots: { follow: false, index: false }, title: 'Your booking' }

type Query = Record<string, string | string[] | undefined>

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/**
 * /:tenant/book/:ref: the customer's own booking. Emails link here with `?token=` (the first one, plus
 * `&confirm=` when the booking waits for the customer's confirmation) or without (then the page asks for the
 * access code or the email); the "your bookings" list links with `?lookup=`; Stripe returns here with
 * `?payment=success|cancelled`.
 */
export default async function ManageBookingPage({ params, searchParams }: { params: Promise<{ ref: string; tenant: string }>; searchParams: Promise<Query> }) {
  const { ref, tenant } = await params
  const query = await searchParams
  const payment = single(query.payment)
  const paymentReturn: PaymentReturn = payment === 'success' || payment === 'cancelled' ? payment : null
  return (
    <ManageBooking
      bookingRef={ref}
      confirmCode={single(query.confirm)?.trim() ?? ''}
      lookupToken={single(query.lookup)?.trim() ?? ''}
      paymentReturn={paymentReturn}
      tenantSlug={tenant}
      token={single(query.token)?.trim() ?? ''}
    />
  )
}
