import type { CollectionAfterLoginHook } from 'payload'

import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

export const writeLoginEntry: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  await writeAuditEntry(req, {
    action: 'login',
    collection: collection.slug,
    documentId: user.id,
    subject: user.email,
    tenant: tenantOf(collection.slug, user),
    user: user.id,
  })
  return user
}
