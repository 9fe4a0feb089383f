// What studios pay Atelier for: platform-level plans that super admins edit. Prices are integer minor units;
// a limit left empty means unlimited. Saving syncs the plan's Product and Prices to Stripe (hooks/).
import type { CollectionConfig, Field } from 'payload'

import { isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { nobody } from '../../../access/nobody'
import { currencyField } from '../../../fields/currencyField'
import { isSlug } from '../../../fields/validators'
import { wholeNumber } from '../../../fields/wholeNumber'
import { syncPlanToStripe } from '../hooks/syncPlanToStripe'
import { PLAN_LIMITS } from '../services/limitNames'

const limitField = (name: string): Field => ({
  name,
  type: 'number',
  admin: { description: 'Empty: unlimited.' },
  min: 0,
  validate: wholeNumber('A whole number, or empty for unlimited.'),
})

const priceField = (name: string, label: string): Field => ({
  name,
  type: 'number',
  admin: { description: `${label}, in the plan's currency.` },
  // Shown and typed as money in the plan's currency (the dashboard's admin components).
  custom: { money: { currencyField: 'currency' } },
  min: 0,
  required: true,
  validate: wholeNumber('A whole number of minor units.'),
})

const stripeIdField = (name: string): Field => ({ name, type: 'text', access: { create: nobody, update: nobody }, admin: { readOnly: true } })

export const Plans: CollectionConfig = {
  slug: 'plans',
  // Studios see the active plans through GET /api/billing/plans; the documents are the operators'.
  access: { create: isSuperAdminAccess, delete: isSuperAdminAccess, read: isSuperAdminAccess, update: isSuperAdminAccess },
  admin: { defaultColumns: ['name', 'code', 'monthlyPrice', 'yearlyPrice', 'currency', 'active'], group: 'Platform', useAsTitle: 'name' },
  defaultSort: 'sortOrder',
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      validate: (value: null | string | undefined) => (typeof value === 'string' && isSlug(value)) || 'Use lowercase letters, digits and single hyphens.',
    },
    { name: 'name', type: 'text', localized: true, maxLength: 80, required: true },
    { name: 'features', type: 'array', fields: [{ name: 'text', type: 'text', maxLength: 200, required: true }], localized: true },
    priceField('monthlyPrice', 'Price per month'),
    priceField('yearlyPrice', 'Price per year'),
    currencyField({ name: 'currency', defaultValue: 'EUR', required: true }),
    { name: 'limits', type: 'group', fields: PLAN_LIMITS.map(limitField) },
    { name: 'active', type: 'checkbox', defaultValue: true },
    { name: 'sortOrder', type: 'number', defaultValue: 0, validate: wholeNumber('A whole number.') },
    {
      name: 'stripe',
      type: 'group',
      admin: { description: 'Set by the Stripe sync on save. A price change makes a new Price and archives the old one.', position: 'sidebar' },
      fields: [stripeIdField('productId'), stripeIdField('monthlyPriceId'), stripeIdField('yearlyPriceId')],
    },
  ],
  hooks: { afterChange: [syncPlanToStripe] },
}
