import type { CollectionSlug, PayloadRequest } from 'payload'

import { notFound } from './apiErrors'

/**
 * The document as the current user may see it, or 404: one answer for "missing" and "not yours",
 * so that ids of other tenants leak nothing.
 */
export async function findVisible<Slug extends CollectionSlug>(req: PayloadRequest, collection: Slug, id: number, message: string) {
  const doc = await req.payload.findByID({ id, collection, depth: 0, overrideAccess: false, req, user: req.user }).catch(() => null)
  if (!doc) throw notFound(message)
  return doc
}
