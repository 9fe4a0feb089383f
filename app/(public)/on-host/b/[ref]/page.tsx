import type { Metadata } from 'next'

import ManageBookingPage from '../../../[tenant]/book/[ref]/page'
import { studioOfThisHost } from '../../../studioPages'

// As on the platform: the access code travels in the link, so no indexing and no Referer.
export const metadata: Metadata = { referrer: 'no-referrer', robots: { follow: false, index: false }, title: 'Your booking' }
export const dynamic = 'force-dynamic'

type Query = Record<string, string | string[] | undefined>

/** `/b/<ref>` on a studio's own domain (proxy.ts rewrites it here): the customer's booking, as on the platform. */
export default async function StudioHostBookingPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Query> }) {
  const tenant = await studioOfThisHost()
  const { ref } = await params
  return ManageBookingPage({ params: Promise.resolve({ ref, tenant: tenant.slug }), searchParams })
}
