import type { Metadata } from 'next'

import ManageBookingPage from '../../../[tenant]/book/[ref]/page'
import { manageMetadata } from '../../../[tenant]/book/pageText'
import { studioOfThisHost } from '../../../studioPages'

export const dynamic = 'force-dynamic'

// As on the platform: the access code travels in the link, so no indexing and no Referer; the title in the page's language.
export async function generateMetadata(): Promise<Metadata> {
  return manageMetadata(await studioOfThisHost())
}

type Query = Record<string, string | string[] | undefined>

/** `/b/<ref>` on a studio's own domain (proxy.ts rewrites it here): the customer's booking, as on the platform. */
export default async function StudioHostBookingPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Query> }) {
  const tenant = await studioOfThisHost()
  const { ref } = await params
  return ManageBookingPage({ params: Promise.resolve({ ref, tenant: tenant.slug }), searchParams })
}
