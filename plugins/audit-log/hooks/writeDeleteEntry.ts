import type { CollectionAfterDeleteHook } from 'payload'

import { ROLE_EXPIRED_CONTEXT } from '../../rbac'
import { SKIP_AUDIT } from '../context'
import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

export const writeDeleteEntry: CollectionAfterDeleteHook = async ({ collection, context, doc, id, req }) => {
  if (context[SKIP_AUDIT]) return doc
  const action = collection.slug === 'role-assignments' ? (context[ROLE_EXPIRED_CONTEXT] ? 'role_expired' : 'role_revoked') : 'delete'
  await writeAuditEntry(req, { action, collection: collection.slug, documentId: id, tenant: tenantOf(collection.slug, doc) })
  return doc
}
