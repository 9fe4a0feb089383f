import type { CollectionAfterChangeHook } from 'payload'

import { diffDocuments } from '../services/diff'
import { tenantOf } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

/** Context flag for writes that must not be audited (bulk maintenance that audits itself). */
export const SKIP_AUDIT = 'skipAudit'

export const writeChangeEntry: CollectionAfterChangeHook = async ({ collection, context, doc, operation, previousDoc, req }) => {
  if (context[SKIP_AUDIT]) return doc
  const assignment = collection.slug === 'role-assignments' && operation === 'create'
  await writeAuditEntry(req, {
    action: assignment ? 'role_assigned' : operation,
    changes: diffDocuments(operation === 'update' ? previousDoc : undefined, doc),
    collection: collection.slug,
    documentId: doc.id,
    tenant: tenantOf(collection.slug, doc),
    tenantTimeZone: collection.slug === 'tenants' ? doc.timezone : undefined,
  })
  return doc
}
