import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

/** A deposit payment: one Stripe Checkout Session. Written by the payments plugin only; amounts in minor units. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  access: { create: nobody, delete: nobody, read: can('payments', 'read'), update: nobody },
  admin: { defaultColumns: ['booking', 'amount', 'currency', 'status', 'paidAt', 'amountRefunded'], group: 'Booking' },
  custom: { rbacActions: ['refund'], tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'booking', type: 'relationship', index: true, relationTo: 'bookings', required: true },
    { name: 'checkoutSessionId', type: 'text', index: true, required: true, unique: true },
    { name: 'checkoutUrl', type: 'text' },
    { name: 'paymentIntentId', type: 'text', index: true },
    { name: 'amount', type: 'number', admin: { description: 'Minor units.' }, required: true },
    { name: 'currency', type: 'text', required: true },
    { name: 'status', type: 'select', defaultValue: 'open', index: true, options: ['open', 'paid', 'expired', 'failed'], required: true },
    { name: 'paidAt', type: 'date' },
    { name: 'expiresAt', type: 'date' },
    { name: 'amountRefunded', type: 'number', admin: { description: 'Minor units.' }, defaultValue: 0 },
  ],
}
