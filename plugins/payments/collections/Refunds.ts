import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

const REFUND_STATUS_LABELS = {
  failed: { en: 'Failed', fr: 'Échoué' },
  pending: { en: 'Pending', fr: 'En attente' },
  succeeded: { en: 'Succeeded', fr: 'Effectué' },
}

/** A Stripe refund of a payment: for a cancellation (policy tiers), by staff, or of a payment that came too late. */
export const Refunds: CollectionConfig = {
  slug: 'refunds',
  access: { create: nobody, delete: nobody, read: can('payments', 'read'), update: nobody },
  admin: { defaultColumns: ['booking', 'amount', 'currency', 'reason', 'status', 'createdAt'], group: 'Booking', useAsTitle: 'bookingRef' },
  custom: { rbacResource: 'payments', tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'payment', type: 'relationship', index: true, relationTo: 'payments', required: true },
    { name: 'booking', type: 'relationship', index: true, relationTo: 'bookings', required: true },
    // The booking's ref names the refund in relationship fields and titles; read through the relation, no column.
    { name: 'bookingRef', type: 'text', admin: { hidden: true }, virtual: 'booking.ref' },
    { name: 'stripeRefundId', type: 'text', index: true, unique: true },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true },
    { name: 'amount', type: 'number', custom: { money: { currencyField: 'currency' } }, required: true },
    { name: 'currency', type: 'text', required: true },
    { name: 'reason', type: 'select', options: ['cancellation', 'staff', 'late_payment', 'stripe'], required: true },
    {
      name: 'status',
      type: 'select',
      custom: { statusPill: true },
      defaultValue: 'pending',
      options: (['pending', 'succeeded', 'failed'] as const).map((value) => ({ label: REFUND_STATUS_LABELS[value], value })),
      required: true,
    },
    { name: 'error', type: 'text' },
    { name: 'requestedBy', type: 'relationship', relationTo: 'users' },
  ],
}
