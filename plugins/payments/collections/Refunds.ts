import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

/** A Stripe refund of a payment: for a cancellation (policy tiers), by staff, or of a payment that came too late. */
export const Refunds: CollectionConfig = {
  slug: 'refunds',
  access: { create: nobody, delete: nobody, read: can('payments', 'read'), update: nobody },
  admin: { defaultColumns: ['booking', 'amount', 'currency', 'reason', 'status', 'createdAt'], group: 'Booking' },
  custom: { rbacResource: 'payments', tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'payment', type: 'relationship', index: true, relationTo: 'payments', required: true },
    { name: 'booking', type: 'relationship', index: true, relationTo: 'bookings', required: true },
    { name: 'stripeRefundId', type: 'text', index: true, unique: true },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    { name: 'amount', type: 'number', admin: { description: 'Minor units.' }, required: true },
    { name: 'currency', type: 'text', required: true },
    { name: 'reason', type: 'select', options: ['cancellation', 'staff', 'late_payment', 'stripe'], required: true },
    { name: 'status', type: 'select', defaultValue: 'pending', options: ['pending', 'succeeded', 'failed'], required: true },
    { name: 'error', type: 'text' },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users' },
  ],
}
