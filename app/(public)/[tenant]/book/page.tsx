import type { Metadata } from 'next'

import { bookingPageMetadata, studioBySlug } from '../../studioPages'
import { BookingPage } from './BookingPage'

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  return bookingPageMetadata(await studioBySlug((await params).tenant))
}

/** /:tenant/book: the studio is named by its slug; everything else happens in the browser over the public API. */
export default async function BookPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params
  return <BookingPage tenantSlug={tenant} />
}
