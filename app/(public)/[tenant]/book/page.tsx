import type { Metadata } from 'next'

import { BookingPage } from './BookingPage'

export const metadata: Metadata = { title: 'Book a room' }

/** /:tenant/book: the studio is named by its slug; everything else happens in the browser over the public API. */
export default async function BookPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params
  return <BookingPage tenantSlug={tenant} />
}
