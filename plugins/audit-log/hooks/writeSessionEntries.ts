import type { CollectionAfterLoginHook, CollectionAfterLogoutHook } from 'payload'

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
