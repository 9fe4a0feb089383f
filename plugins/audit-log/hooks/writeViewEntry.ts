import type { CollectionAfterReadHook } from 'payload'

import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

/**
 * A person opening one document of a sensitive collection (`GET /api/<slug>/:id`): not lists, not
 * internal reads, and not one's own account (the admin panel reads `/me` on every page).
 */
export const writeViewEntry: CollectionAfterReadHook = async ({ collection, doc, findMany, req }) => {
  if (findMany || !req.user || req.method !== 'GET') return doc
  if (collection.slug === req.user.collection && String(doc.id) === String(req.user.id)) return doc
  await writeAuditEntry(req, { action: 'view', collection: collection.slug, documentId: doc.id, tenant: tenantOf(collection.slug, doc) })
  return doc
}
