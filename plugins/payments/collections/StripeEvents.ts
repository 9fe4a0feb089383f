import type { CollectionConfig } from 'payload'

import { isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { nobody } from '../../../access/nobody'

/**
 * Every Stripe webhook event, stored before it is acknowledged and keyed by its Stripe id, so a replay or a
 * concurrent delivery is recognised and each event is processed once. Platform-level: super admins only.
 */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  access: { create: nobody, delete: nobody, read: isSuperAdminAccess, update: nobody },
  admin: { defaultColumns: ['eventId', 'type', 'status', 'attempts', 'createdAt'], group: 'Platform', useAsTitle: 'eventId' },
  defaultSort: '-createdAt',
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true },
    { name: 'type', type: 'text', index: true, required: true },
    { name: 'payload', type: 'json', required: true },
    { name: 'status', type: 'select', defaultValue: 'received', index: true, options: ['received', 'processed', 'ignored', 'failed'], required: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'processedAt', type: 'date' },
    { name: 'note', type: 'text' },
    { name: 'tenant', type: 'relationship', relationTo: 'tenants' },
  ],
}
