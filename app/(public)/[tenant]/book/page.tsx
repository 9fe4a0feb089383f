import type { Metadata } from 'next'

import { studioBySlug } from '../../studioPages'
import { BookingPage } from './BookingPage'
import { MessagesProvider } from './messages'
import { bookingMetadata, pageText } from './pageText'

export async function generateMetadata({ params }: { params: Promise<{ tenant: string }> }): Promise<Metadata> {
  return bookingMetadata(await studioBySlug((await params).tenant))
}

/**
 * /:tenant/book: the studio is named by its slug; everything else happens in the browser over the public API,
 * in the page's language (the words resolved here, for the studio; the platform's for an unknown one).
 */
export default async function BookPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params
  const { language, languages, messages } = await pageText(await studioBySlug(tenant))
  return (
    <MessagesProvider language={language} messages={messages}>
      <BookingPage languages={languages} tenantSlug={tenant} />
    </MessagesProvider>
  )
}
