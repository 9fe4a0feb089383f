import type { Access, CollectionConfig } from 'payload'

import { isSuperAdmin, isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { currencyExponent } from '../../../utilities/currencyExponent'
import { forgetRates } from '../services/rateCache'

// Anyone lists the active currencies (the public page's menu); super admins see and edit them all.
const activeOrSuperAdmin: Access = ({ req }) => isSuperAdmin(req.user) || { active: { equals: true } }

/** A currency the platform shows and converts: ISO 4217 code, localized name, exponent (minor units), symbol. */
export const Currencies: CollectionConfig = {
  slug: 'currencies',
  access: { create: isSuperAdminAccess, delete: isSuperAdminAccess, read: activeOrSuperAdmin, update: isSuperAdminAccess },
  admin: { defaultColumns: ['code', 'name', 'symbol', 'exponent', 'active'], group: 'Platform', useAsTitle: 'code' },
  // Public reference data: the permission matrix skips its read checks (writes stay checked).
  custom: { publicRead: true },
  defaultSort: 'code',
  fields: [
    {
      name: 'code',
      type: 'text',
      index: true,
      required: true,
      unique: true,
      validate: (value: null | string | undefined) => (typeof value === 'string' && /^[A-Z]{3}$/.test(value)) || 'Three capital letters (ISO 4217), e.g. EUR.',
    },
    { name: 'name', type: 'text', localized: true, maxLength: 80, required: true },
    {
      name: 'exponent',
      type: 'number',
      access: { create: () => false, update: () => false },
      admin: { description: 'Decimals of the minor unit, from the money module (JPY 0, EUR 2, KWD 3).', readOnly: true },
    },
    { name: 'symbol', type: 'text', maxLength: 8 },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
  ],
  hooks: {
    afterChange: [() => forgetRates()],
    beforeChange: [({ data }) => (typeof data.code === 'string' ? { ...data, exponent: currencyExponent(data.code) } : data)],
  },
}
