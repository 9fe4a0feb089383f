// AI credit packs studios can buy (platform-level; super admins edit them). Bought through Stripe Checkout.
import type { CollectionConfig } from 'payload'

import { isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { currencyField } from '../../../fields/currencyField'
import { wholeNumber } from '../../../fields/wholeNumber'

export const CreditPacks: CollectionConfig = {
  slug: 'credit-packs',
  access: { create: isSuperAdminAccess, delete: isSuperAdminAccess, read: isSuperAdminAccess, update: isSuperAdminAccess },
  admin: { defaultColumns: ['name', 'credits', 'price', 'currency', 'active'], group: 'Platform', useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', localized: true, maxLength: 80, required: true },
    { name: 'credits', type: 'number', min: 1, required: true, validate: wholeNumber('A whole number of credits.') },
    { name: 'price', type: 'number', custom: { money: { currencyField: 'currency' } }, min: 1, required: true, validate: wholeNumber('A whole number of minor units.') },
    currencyField({ name: 'currency', defaultValue: 'EUR', required: true }),
    { name: 'active', type: 'checkbox', defaultValue: true },
  ],
}
