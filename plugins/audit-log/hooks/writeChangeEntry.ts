import type { CollectionAfterChangeHook } from 'payload'

import { SKIP_AUDIT } from '../context'
import { diffDocuments } from '../services/diff'
import { tenantOf, tenantOfAccountChange } from '../services/tenantOf'
import { writeAuditEntry } from '../services/writeAuditEntry'

export const writeChangeEntry: CollectionAfterChangeHook = async ({ collection, context, doc, operation, previousDoc, req }) => {
  if (context[SKIP_AUDIT]) return doc
  const assignment = collection.slug === 'role-assignments' && operation === 'create'
  const changes = diffDocuments(operation === 'update' ? previousDoc : undefined, doc)
  const previous = operation === 'update' ? previousDoc : undefined
  await writeAuditEntry(req, {
    action: assignment ? 'role_assigned' : operation,
    changes,
    collection: collection.slug,
    documentId: doc.id,
    tenant: collection.auth ? tenantOfAccountChange(previous, doc, Object.keys(changes)) : tenantOf(collection.slug, doc),
    tenantTimeZone: collection.slug === 'tenants' ? doc.timezone : undefined,
  })
  return doc
}
