// Server-side lookups of the public pages: the studio a page serves (named by slug on the platform's host, or
// the studio whose own domain the request came in on) and the booking page's metadata with its canonical URL.
import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { Tenant } from '../../payload-types'

import { studioPageUrl } from '../../plugins/booking'
import { tenantForHost } from '../../plugins/domains'

const servable = (tenant: null | Tenant | undefined): Tenant => {
  if (!tenant || tenant.status === 'suspended') notFound()
  return tenant
}

/** The studio whose verified domain this request's Host is (cached per host); a 404 page for any other host. */
export const studioOfThisHost = cache(async (): Promise<Tenant> => {
  const payload = await getPayload({ config })
  const found = await tenantForHost(payload, (await headers()).get('host') ?? '')
  if (!found) notFound()
  return servable(await payload.findByID({ id: found.tenant, collection: 'tenants', depth: 0, disableErrors: true, overrideAccess: true }))
})

/** The studio named by a platform path's slug, or null (the page itself says there is no such studio). */
export const studioBySlug = cache(async (slug: string): Promise<null | Tenant> => {
  const payload = await getPayload({ config })
  const { docs } = await payload.find({ collection: 'tenants', depth: 0, limit: 1, overrideAccess: true, where: { slug: { equals: slug } } })
  return docs[0] && docs[0].status !== 'suspended' ? docs[0] : null
})

/** Title and canonical URL of a studio's booking page: its primary domain while that is active. */
export async function bookingPageMetadata(tenant: null | Tenant): Promise<Metadata> {
  if (!tenant) return { title: 'Book a room' }
  const payload = await getPayload({ config })
  return { alternates: { canonical: await studioPageUrl({ payload }, tenant) }, title: `Book at ${tenant.name}` }
}
