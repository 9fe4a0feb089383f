import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

/** Immutable: written only through `writeAuditEntry`, deleted only by retention cleanup. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  access: {
    create: nobody,
    delete: nobody,
    read: can('audit', 'read'),
    update: nobody,
  },
  admin: {
    defaultColumns: ['createdAt', 'action', 'collection', 'user', 'ip', 'riskScore'],
    group: 'Access',
    useAsTitle: 'action',
  },
  // Entries are written while members of a suspended studio act (sign-ins, exports, refusals).
  custom: { rbacActions: ['export'], rbacResource: 'audit', writableWhenSuspended: true },
  fields: [
    { name: 'action', type: 'text', required: true },
    { name: 'collection', type: 'text' },
    { name: 'documentId', type: 'text' },
    { name: 'subject', type: 'text', admin: { description: 'The account concerned, e.g. the email of a failed login.' } },
    { name: 'tenant', type: 'relationship', relationTo: 'tenants' },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'actor', type: 'text' },
    { name: 'ip', type: 'text' },
    { name: 'userAgent', type: 'text' },
    { name: 'requestId', type: 'text' },
    { name: 'changes', type: 'json' },
    { name: 'details', type: 'json' },
    { name: 'rowCount', type: 'number' },
    { name: 'riskScore', type: 'number', defaultValue: 0, max: 100, min: 0 },
    { name: 'riskReasons', type: 'json' },
  ],
  // Every index is paid for on each audited write: only those the reads need, all led by who or
  // which tenant and ordered by time (listing, stats, export, retention, and the risk rules' windows),
  // or by document (a booking's status history in its document view).
  indexes: [
    { fields: ['collection', 'documentId', 'createdAt'] },
    { fields: ['tenant', 'createdAt'] },
    { fields: ['user', 'createdAt'] },
    { fields: ['subject', 'createdAt'] },
    { fields: ['ip', 'createdAt'] },
  ],
  timestamps: true,
}
