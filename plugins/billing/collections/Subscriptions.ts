// One subscription per studio, mirrored from Stripe. Members read it; only webhooks (and the customer's
// creation at signup or first checkout) write it, as trusted code.
import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { billingReadersOnly } from '../access/billingReadersOnly'
import { BILLING_INTERVALS, SUBSCRIPTION_STATUSES } from '../services/limitNames'

const intervalOptions = BILLING_INTERVALS.map((value) => ({ label: value === 'month' ? 'Monthly' : 'Yearly', value }))
const dateField = (name: string, description?: string): Field => ({ name, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description, readOnly: true } })

export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  access: { create: nobody, delete: nobody, read: can('subscriptions', 'read'), update: nobody },
  admin: { defaultColumns: ['tenant', 'plan', 'interval', 'status', 'currentPeriodEnd'], group: 'Billing', useAsTitle: 'stripeCustomerId' },
  // Paying is how a suspended studio comes back: its billing record must stay writable.
  custom: { tenantScoped: true, writableWhenSuspended: true },
  fields: [
    { name: 'stripeCustomerId', type: 'text', access: { read: billingReadersOnly }, admin: { readOnly: true }, unique: true },
    { name: 'stripeSubscriptionId', type: 'text', access: { read: billingReadersOnly }, admin: { readOnly: true }, unique: true },
    { name: 'plan', type: 'relationship', admin: { readOnly: true }, relationTo: 'plans' },
    { name: 'interval', type: 'select', admin: { readOnly: true }, options: intervalOptions },
    { name: 'status', type: 'select', admin: { readOnly: true }, index: true, options: [...SUBSCRIPTION_STATUSES] },
    dateField('currentPeriodStart'),
    dateField('currentPeriodEnd'),
    { name: 'cancelAtPeriodEnd', type: 'checkbox', admin: { readOnly: true }, defaultValue: false },
    {
      name: 'pendingChange',
      type: 'group',
      admin: { description: 'A downgrade waiting for the end of the paid period.', readOnly: true },
      fields: [
        { name: 'plan', type: 'relationship', relationTo: 'plans' },
        { name: 'interval', type: 'select', options: intervalOptions },
        dateField('effectiveAt'),
      ],
    },
    dateField('pastDueSince', 'Unpaid since; the studio is suspended after the grace period.'),
  ],
  indexes: [{ fields: ['tenant'], unique: true }],
}
