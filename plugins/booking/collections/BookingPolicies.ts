import type { CollectionConfig } from 'payload'

import { wholeNumber } from '../../../fields/wholeNumber'
import { can } from '../../rbac'

/**
 * Deposit, confirmation, hold and cancellation terms. One default per tenant (a partial unique index);
 * a room may point at another. Bookings keep a copy of the tiers they were made under.
 */
export const BookingPolicies: CollectionConfig = {
  slug: 'booking-policies',
  access: {
    create: can('booking-policies', 'create'),
    delete: can('booking-policies', 'delete'),
    read: can('booking-policies', 'read'),
    update: can('booking-policies', 'update'),
  },
  admin: { defaultColumns: ['name', 'isDefault', 'depositType', 'holdMinutes'], group: 'Booking', useAsTitle: 'name' },
  custom: { tenantScoped: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    { name: 'isDefault', type: 'checkbox', admin: { description: 'Applies to rooms without a policy of their own.' }, defaultValue: false },
    {
      name: 'depositType',
      type: 'select',
      defaultValue: 'percentage',
      options: [
        { label: 'Percentage of the price', value: 'percentage' },
        { label: 'Fixed amount', value: 'fixed' },
      ],
      required: true,
    },
    { name: 'depositPercent', type: 'number', admin: { condition: (_, sibling) => sibling.depositType !== 'fixed' }, defaultValue: 30, max: 100, min: 0 },
    {
      name: 'depositAmount',
      type: 'number',
      admin: { condition: (_, sibling) => sibling.depositType === 'fixed', description: 'In the studio’s currency.' },
      custom: { money: true },
      min: 0,
      validate: wholeNumber('A whole number of minor units.'),
    },
    { name: 'autoConfirmOnDeposit', type: 'checkbox', defaultValue: true },
    {
      name: 'holdMinutes',
      type: 'number',
      admin: { description: 'How long an unpaid booking keeps its slot (at most 23 h: a payment page lives up to 24 h).' },
      defaultValue: 30,
      max: 23 * 60,
      min: 5,
      required: true,
    },
    {
      name: 'cancellationTiers',
      type: 'array',
      admin: { description: 'The largest notice met applies; none met: no refund.' },
      defaultValue: [
        { noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 },
        { noticeAmount: 48, noticeUnit: 'hours', refundPercent: 50 },
      ],
      fields: [
        { name: 'noticeAmount', type: 'number', min: 0, required: true },
        {
          name: 'noticeUnit',
          type: 'select',
          defaultValue: 'days',
          options: [
            { label: 'days (calendar days in the studio’s zone)', value: 'days' },
            { label: 'hours', value: 'hours' },
          ],
          required: true,
        },
        { name: 'refundPercent', type: 'number', max: 100, min: 0, required: true },
      ],
    },
  ],
}
