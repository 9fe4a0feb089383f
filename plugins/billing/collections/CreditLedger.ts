// AI credits, append-only: every change of a studio's balance is one entry here, and the balance (the
// credit_wallets table) moves in the same transaction. No access allows an update or a delete, and a
// database trigger refuses them too (see the billing migration).
import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

export const CREDIT_KINDS = ['grant', 'purchase', 'spend', 'refund', 'expire', 'adjust'] as const
export type CreditKind = (typeof CREDIT_KINDS)[number]

export const CreditLedger: CollectionConfig = {
  slug: 'credit-ledger',
  access: { create: nobody, delete: nobody, read: can('credit-ledger', 'read'), update: nobody },
  admin: { defaultColumns: ['createdAt', 'kind', 'amount', 'user', 'reference'], group: 'Billing' },
  custom: { writableWhenSuspended: true, tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'kind', type: 'select', index: true, options: [...CREDIT_KINDS], required: true },
    { name: 'amount', type: 'number', admin: { description: 'Signed, in whole credits.' }, required: true },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'reference', type: 'text', admin: { description: 'Unique per kind: a Stripe id, an AI request id.' }, required: true },
    { name: 'expiresAt', type: 'date', admin: { description: 'Grants only: when what is left of it expires.' } },
    { name: 'fromGrant', type: 'number', admin: { description: 'Spends only: the part taken from the monthly grant.' }, defaultValue: 0 },
    { name: 'note', type: 'text', maxLength: 500 },
  ],
  indexes: [{ fields: ['kind', 'reference'], unique: true }],
}
