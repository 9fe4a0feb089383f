import type { CollectionConfig } from 'payload'

import { can } from '../../rbac/access/can'

const never = () => false

/** Immutable: written only through `writeAuditEntry`, deleted only by retention cleanup. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  access: {
    create: never,
    delete: never,
    read: can('audit', 'read'),
    update: never,
  },
  admin: {
    defaultColumns: ['createdAt', 'action', 'collection', 'user', 'ip', 'riskScore'],
    group: 'Access',
    useAsTitle: 'action',
  },
  custom: { rbacActions: ['export'] },
  fields: [
    { name: 'action', type: 'text', index: true, required: true },
    { name: 'collection', type: 'text', index: true },
    { name: 'documentId', type: 'text' },
    { name: 'subject', type: 'text', admin: { description: 'The account concerned, e.g. the email of a failed login.' }, index: true },
    { name: 'tenant', type: 'relationship', index: true, relationTo: 'tenants' },
    { name: 'user', type: 'relationship', index: true, relationTo: 'users' },
    { name: 'actor', type: 'text' },
    { name: 'ip', type: 'text', index: true },
    { name: 'userAgent', type: 'text' },
    { name: 'requestId', type: 'text' },
    { name: 'changes', type: 'json' },
    { name: 'details', type: 'json' },
    { name: 'rowCount', type: 'number' },
    { name: 'riskScore', type: 'number', defaultValue: 0, index: true, max: 100, min: 0 },
    { name: 'riskReasons', type: 'json' },
  ],
  timestamps: true,
}
