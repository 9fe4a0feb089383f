import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { answerConflictsWithCode } from '../hooks/answerConflictsWithCode'
import { guardBooking } from '../hooks/guardBooking'
import { prepareBooking } from '../hooks/prepareBooking'
import { BOOKING_STATUSES, type BookingStatus } from '../services/transitions'

const computed = { create: nobody, update: nobody }
// Amounts in minor units of the booking's own currency; instants shown in the studio's zone (the dashboard's cells).
const money = { money: { currencyField: 'currency' } }
const zonedTime = { zonedTime: true } as const

const STATUS_LABELS: Record<BookingStatus, { en: string; fr: string }> = {
  awaiting_payment: { en: 'Awaiting payment', fr: 'Paiement attendu' },
  cancelled: { en: 'Cancelled', fr: 'Annulée' },
  completed: { en: 'Completed', fr: 'Terminée' },
  confirmed: { en: 'Confirmed', fr: 'Confirmée' },
  converted: { en: 'Converted to a session', fr: 'Convertie en séance' },
  expired: { en: 'Expired', fr: 'Expirée' },
  pending: { en: 'Pending', fr: 'En attente' },
}

/**
 * A room booked from `start` to `end`. Two blocking bookings of one room cannot overlap, buffer included:
 * an exclusion constraint on (room, [start, blockedUntil)) enforces it (see the booking migration).
 */
export const Bookings: CollectionConfig = {
  slug: 'bookings',
  access: {
    create: can('bookings', 'create'),
    delete: can('bookings', 'delete'),
    read: can('bookings', 'read'),
    update: can('bookings', 'update'),
  },
  admin: {
    defaultColumns: ['ref', 'room', 'start', 'end', 'status', 'customer.name', 'price'],
    group: 'Booking',
    listSearchableFields: ['ref', 'customer.email', 'customer.name'],
    useAsTitle: 'ref',
  },
  custom: { rbacActions: ['confirm', 'convert', 'cancel'], tenantScoped: true },
  defaultSort: '-start',
  fields: [
    { name: 'ref', type: 'text', access: computed, admin: { readOnly: true }, index: true, unique: true },
    { name: 'room', type: 'relationship', relationTo: 'rooms', required: true },
    {
      name: 'customer',
      type: 'group',
      fields: [
        { name: 'name', type: 'text', maxLength: 120, required: true },
        { name: 'email', type: 'email', index: true, required: true },
        { name: 'phone', type: 'text', maxLength: 40 },
      ],
    },
    { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, custom: zonedTime, index: true, required: true },
    { name: 'end', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, custom: zonedTime, required: true },
    {
      name: 'status',
      type: 'select',
      // Staff change it through the booking's actions (their transition rules); the API still writes it.
      admin: { position: 'sidebar', readOnly: true },
      custom: { statusPill: true },
      defaultValue: 'pending',
      index: true,
      options: BOOKING_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      required: true,
    },
    {
      name: 'source',
      type: 'select',
      access: computed,
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: 'staff',
      options: ['public', 'staff'],
    },
    { name: 'price', type: 'number', access: computed, admin: { description: 'Computed from the room rate.', readOnly: true }, custom: money },
    { name: 'deposit', type: 'number', access: computed, admin: { description: 'From the policy.', readOnly: true }, custom: money },
    { name: 'currency', type: 'text', access: computed, admin: { readOnly: true } },
    { name: 'amountPaid', type: 'number', access: computed, admin: { readOnly: true }, custom: money, defaultValue: 0 },
    {
      name: 'display',
      type: 'group',
      access: computed,
      admin: {
        condition: (data) => Boolean(data?.display?.currency),
        description: 'The price as the customer was shown it, converted and approximate; charged in the currency above.',
        readOnly: true,
      },
      fields: [
        { name: 'currency', type: 'text' },
        { name: 'amount', type: 'number', custom: money },
        { name: 'rate', type: 'text' },
        { name: 'rateDate', type: 'text' },
      ],
      label: 'Shown to the customer as',
    },
    { name: 'refundQuote', type: 'json', access: computed, admin: { readOnly: true } },
    { name: 'terms', type: 'json', access: computed, admin: { description: 'The policy as it stood when booked.', readOnly: true } },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    { name: 'blockedUntil', type: 'date', access: computed, admin: { hidden: true }, custom: zonedTime },
    {
      name: 'holdExpiresAt',
      type: 'date',
      access: computed,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'A public booking keeps its slot until then unless it is paid or confirmed; then it expires.',
        position: 'sidebar',
        readOnly: true,
      },
      custom: zonedTime,
      index: true,
    },
    {
      name: 'customerConfirmedAt',
      type: 'date',
      access: computed,
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'When the customer confirmed from the emailed link.', position: 'sidebar', readOnly: true },
      custom: zonedTime,
    },
    {
      name: 'secrets',
      type: 'group',
      access: { create: nobody, read: nobody, update: nobody },
      admin: { hidden: true },
      fields: [
        { name: 'accessTokenHash', type: 'text', index: true },
        // Peppered HMAC of the client IP of a public booking: counts open bookings per IP without keeping the address.
        { name: 'clientIpHash', type: 'text', index: true },
      ],
      hidden: true,
    },
  ],
  hooks: {
    afterError: [answerConflictsWithCode],
    beforeChange: [guardBooking],
    beforeValidate: [prepareBooking],
  },
}
