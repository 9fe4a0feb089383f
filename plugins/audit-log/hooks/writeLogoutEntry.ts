import type { CollectionAfterLogoutHook } from 'payload'

import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

export const writeLogoutEntry: CollectionAfterLogoutHook = async ({ collection, req }) => {
  if (!req.user) return
  await writeAuditEntry(req, {
    action: 'logout',
    collection: collection.slug,
    documentId: req.user.id,
    subject: req.user.email,
    tenant: tenantOf(collection.slug, req.user as never),
  })
}
