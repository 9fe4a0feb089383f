import type { CollectionSlug, PayloadRequest } from 'payload'

import { notFound } from './apiErrors'

/**
 * The document as the current user may see it, or 404: one answer for "missing" and "not yours",
 * so that ids of other tenants leak nothing.
 */
export async function findVisible<Slug extends CollectionSlug>(req: PayloadRequest, collection: Slug, id: number, message: string) {
  // disableErrors: null for missing or refused; a failed query still throws (503, not a 404).
  const doc = await req.payload.findByID({ id, collection, depth: 0, disableErrors: true, overrideAccess: false, req, user: req.user })
  if (!doc) throw notFound(message)
  return doc
}
