// Which studio slugs may be signed up with. The format is the tenants' own slug rule.
import type { PayloadRequest } from 'payload'

import { isSlug } from '../../../fields/validators'
import { SIGNUP_REQUESTS_SLUG } from '../collections/SignupRequests'
import { signupOptions } from './options'

/** Every first path segment the app serves (and a few it may), so no studio page can shadow one. */
export const APP_PATH_SEGMENTS = [
  '_next', 'account', 'admin', 'api', 'app', 'assets', 'atelier', 'billing', 'booking', 'bookings', 'dashboard', 'docs',
  'domains', 'help', 'login', 'logout', 'media', 'on-host', 'onboarding', 'public', 'reset', 'settings', 'signup', 'static', 'status',
  'support', 'verify', 'www',
] as const

export type SlugVerdict = { available: true } | { available: false; reason: 'invalid' | 'reserved' | 'taken' }

/** The format and the reserved list, without the database. */
export function slugFormatVerdict(slug: string, reserved: readonly string[]): SlugVerdict {
  if (slug.length < 3 || slug.length > 63 || !isSlug(slug)) return { available: false, reason: 'invalid' }
  if ((APP_PATH_SEGMENTS as readonly string[]).includes(slug) || reserved.includes(slug)) return { available: false, reason: 'reserved' }
  return { available: true }
}

/** Taken by a studio, or held by a signup (verified or not). */
export async function isSlugTaken(req: PayloadRequest, slug: string): Promise<boolean> {
  const [tenants, requests] = await Promise.all([
    req.payload.count({ collection: 'tenants', overrideAccess: true, req, where: { slug: { equals: slug } } }),
    req.payload.count({ collection: SIGNUP_REQUESTS_SLUG, overrideAccess: true, req, where: { slug: { equals: slug } } }),
  ])
  return tenants.totalDocs + requests.totalDocs > 0
}

export async function slugVerdict(req: PayloadRequest, slug: string): Promise<SlugVerdict> {
  const format = slugFormatVerdict(slug, signupOptions(req.payload).reservedSlugs)
  if (!format.available) return format
  return (await isSlugTaken(req, slug)) ? { available: false, reason: 'taken' } : { available: true }
}
