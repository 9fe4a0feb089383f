import type { Metadata } from 'next'

import { BookingPage } from '../[tenant]/book/BookingPage'
import { MessagesProvider } from '../[tenant]/book/messages'
import { bookingMetadata, pageText } from '../[tenant]/book/pageText'
import { studioOfThisHost } from '../studioPages'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  return bookingMetadata(await studioOfThisHost())
}

/** `/` on a studio's own domain (proxy.ts rewrites it here): that studio's booking page, in the page's language. */
export default async function StudioHostBookPage() {
  const tenant = await studioOfThisHost()
  const { language, languages, messages } = await pageText(tenant)
  return (
    <MessagesProvider language={language} messages={messages}>
      <BookingPage languages={languages} tenantSlug={tenant.slug} />
    </MessagesProvider>
  )
}
