import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'

/**
 * One published rate: units of `currency` per 1 EUR on the provider's `date`. Written only by the refresh
 * (SQL, in one transaction); the migration makes `rate` an exact `numeric` with a positive check and one row
 * per (date, currency). History is kept so that past conversions can be reproduced.
 */
export const ExchangeRates: CollectionConfig = {
  slug: 'exchange-rates',
  access: { create: nobody, delete: nobody, read: () => true, update: nobody },
  admin: { defaultColumns: ['date', 'currency', 'rate', 'provider'], group: 'Platform', useAsTitle: 'currency' },
  // Public reference data: the permission matrix skips its read checks (writes stay checked).
  custom: { publicRead: true },
  defaultSort: '-date',
  fields: [
    { name: 'date', type: 'text', index: true, required: true },
    { name: 'currency', type: 'text', required: true },
    { name: 'rate', type: 'text', required: true },
    { name: 'provider', type: 'text', defaultValue: 'ecb', required: true },
  ],
}
