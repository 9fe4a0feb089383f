import type { CollectionConfig, Field } from 'payload'

import { isSlug } from '../../../fields/validators'
import { wholeNumber } from '../../../fields/wholeNumber'
import { can } from '../../rbac'
import { keepMaxAtLeastMin } from '../hooks/keepMaxAtLeastMin'

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/
const WEEKDAY_OPTIONS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((value) => ({
  label: value[0]!.toUpperCase() + value.slice(1),
  value,
}))

const minutesField = (name: string, defaultValue: number, min: number, max: number, description: string): Field => ({
  name,
  type: 'number',
  admin: { description, step: 5 },
  defaultValue,
  max,
  min,
  required: true,
  validate: wholeNumber('A whole number of minutes.'),
})

/** A rentable room. Hours are wall-clock times in the tenant's time zone. */
export const Rooms: CollectionConfig = {
  slug: 'rooms',
  access: {
    create: can('rooms', 'create'),
    delete: can('rooms', 'delete'),
    read: can('rooms', 'read'),
    update: can('rooms', 'update'),
  },
  admin: { defaultColumns: ['name', 'slug', 'capacity', 'hourlyRate', 'active'], group: 'Booking', useAsTitle: 'name' },
  custom: { tenantScoped: { uniquePerTenant: ['slug'] } },
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      validate: (value: null | string | undefined) => (value && isSlug(value) ? true : 'Lowercase letters, digits and dashes.'),
    },
    { name: 'description', type: 'richText', localized: true },
    { name: 'capacity', type: 'number', defaultValue: 1, min: 1, required: true },
    { name: 'images', type: 'upload', hasMany: true, relationTo: 'media' },
    { name: 'active', type: 'checkbox', admin: { position: 'sidebar' }, defaultValue: true, index: true },
    {
      name: 'hourlyRate',
      type: 'number',
      admin: { description: 'Per hour, in the studio’s currency (stored in minor units: 2500 = 25.00 EUR).' },
      custom: { money: true },
      min: 0,
      required: true,
      validate: wholeNumber('A whole number of minor units.'),
    },
    {
      name: 'openingHours',
      type: 'array',
      admin: { description: 'Wall-clock times in the studio’s time zone; several ranges per day are fine.' },
      fields: [
        { name: 'weekday', type: 'select', options: WEEKDAY_OPTIONS, required: true },
        { name: 'opens', type: 'text', required: true, validate: (value: null | string | undefined) => (value && HH_MM.test(value) && value !== '24:00' ? true : 'HH:MM') },
        {
          name: 'closes',
          type: 'text',
          required: true,
          validate: (value: null | string | undefined, { siblingData }: { siblingData: { opens?: string } }) =>
            value && HH_MM.test(value) ? (siblingData.opens && value <= siblingData.opens ? 'Must be after the opening time.' : true) : 'HH:MM (24:00 for midnight)',
        },
      ],
    },
    minutesField('bufferMinutes', 0, 0, 240, 'Kept free after each booking.'),
    minutesField('minMinutes', 60, 15, 24 * 60, 'Shortest booking.'),
    minutesField('maxMinutes', 240, 15, 24 * 60, 'Longest booking.'),
    minutesField('slotStepMinutes', 30, 5, 240, 'Bookable start times are this far apart.'),
    minutesField('leadTimeMinutes', 120, 0, 60 * 24 * 30, 'Minimum notice before a public booking starts.'),
    {
      name: 'policy',
      type: 'relationship',
      admin: { description: 'Empty: the studio’s default policy.', position: 'sidebar' },
      relationTo: 'booking-policies',
    },
  ],
  hooks: { beforeValidate: [keepMaxAtLeastMin] },
}
