import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

const PAYMENT_STATUS_LABELS = {
  expired: { en: 'Expired', fr: 'Expiré' },
  failed: { en: 'Failed', fr: 'Échoué' },
  open: { en: 'Open', fr: 'Ouvert' },
  paid: { en: 'Paid', fr: 'Payé' },
}

/** A deposit payment: one Stripe Checkout Session. Written by the payments plugin only; amounts in minor units. */
export const Payments: CollectionConfig = {
  slug: 'payments',
  access: { create: nobody, delete: nobody, read: can('payments', 'read'), update: nobody },
  admin: { defaultColumns: ['booking', 'amount', 'currency', 'status', 'paidAt', 'amountRefunded'], group: 'Booking', useAsTitle: 'bookingRef' },
  custom: { rbacActions: ['refund'], tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'booking', type: 'relationship', index: true, relationTo: 'bookings', required: true },
    // The booking's ref names the payment in relationship fields and titles; read through the relation, no column.
    { name: 'bookingRef', type: 'text', admin: { hidden: true }, virtual: 'booking.ref' },
    { name: 'checkoutSessionId', type: 'text', index: true, required: true, unique: true },
    { name: 'checkoutUrl', type: 'text' },
    { name: 'paymentIntentId', type: 'text', index: true },
    { name: 'amount', type: 'number', custom: { money: { currencyField: 'currency' } }, required: true },
    { name: 'currency', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      custom: { statusPill: true },
      defaultValue: 'open',
      index: true,
      options: (['open', 'paid', 'expired', 'failed'] as const).map((value) => ({ label: PAYMENT_STATUS_LABELS[value], value })),
      required: true,
    },
    { name: 'paidAt', type: 'date', custom: { zonedTime: true } },
    { name: 'expiresAt', type: 'date', custom: { zonedTime: true } },
    { name: 'amountRefunded', type: 'number', custom: { money: { currencyField: 'currency' } }, defaultValue: 0 },
  ],
}
