import type { Metadata } from 'next'

import { studioBySlug } from '../../../studioPages'
import { MessagesProvider } from '../messages'
import { manageMetadata, pageText } from '../pageText'
import { ManageBooking, type PaymentReturn } from './ManageBooking'

type Query = Record<string, string | string[] | undefined>
type Params = Promise<{ ref: string; tenant: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return manageMetadata(await studioBySlug((await params).tenant))
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)

/**
 * /:tenant/book/:ref: the customer's own booking, in the page's language. Emails link here with `?token=`
 * (the first one, plus `&confirm=` when the booking waits for the customer's confirmation) or without (then
 * the page asks for the access code or the email); the "your bookings" list links with `?lookup=`; Stripe
 * returns here with `?payment=success|cancelled`.
 */
export default async function ManageBookingPage({ params, searchParams }: { params: Params; searchParams: Promise<Query> }) {
  const { ref, tenant } = await params
  const query = await searchParams
  const { language, languages, messages } = await pageText(await studioBySlug(tenant))
  const payment = single(query.payment)
  const paymentReturn: PaymentReturn = payment === 'success' || payment === 'cancelled' ? payment : null
  return (
    <MessagesProvider language={language} messages={messages}>
      <ManageBooking
        bookingRef={ref}
        confirmCode={single(query.confirm)?.trim() ?? ''}
        languages={languages}
        lookupToken={single(query.lookup)?.trim() ?? ''}
        paymentReturn={paymentReturn}
        tenantSlug={tenant}
        token={single(query.token)?.trim() ?? ''}
      />
    </MessagesProvider>
  )
}
