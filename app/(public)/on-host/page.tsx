import type { Metadata } from 'next'

import { BookingPage } from '../[tenant]/book/BookingPage'
import { bookingPageMetadata, studioOfThisHost } from '../studioPages'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  return bookingPageMetadata(await studioOfThisHost())
}

/** `/` on a studio's own domain (proxy.ts rewrites it here): that studio's booking page. */
export default async function StudioHostBookPage() {
  const tenant = await studioOfThisHost()
  return <BookingPage tenantSlug={tenant.slug} />
}
