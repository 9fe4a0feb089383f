import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { answerConflictsWithCode } from '../hooks/answerConflictsWithCode'
import { guardSession } from '../hooks/guardSession'
import { prepareSession } from '../hooks/prepareSession'
import { SESSION_STATUSES } from '../services/transitions'

/** A studio session, usually converted from a booking. Sessions of one room never overlap (exclusion constraint). */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  access: {
    create: can('sessions', 'create'),
    delete: can('sessions', 'delete'),
    read: can('sessions', 'read'),
    update: can('sessions', 'update'),
  },
  admin: { defaultColumns: ['room', 'start', 'end', 'artist', 'staff', 'status'], group: 'Booking' },
  custom: { tenantScoped: true },
  defaultSort: '-start',
  fields: [
    { name: 'room', type: 'relationship', relationTo: 'rooms', required: true },
    // Set by converting a booking only: a session claiming a booking is left out of that booking's overlap check.
    { name: 'booking', type: 'relationship', access: { create: nobody, update: nobody }, admin: { readOnly: true }, relationTo: 'bookings', unique: true },
    { name: 'artist', type: 'relationship', relationTo: 'artists' },
    { name: 'staff', type: 'relationship', relationTo: 'users' },
    { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, index: true, required: true },
    { name: 'end', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, required: true },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'scheduled',
      index: true,
      options: SESSION_STATUSES.map((value) => ({ label: value.replace('_', ' '), value })),
      required: true,
    },
    { name: 'blockedUntil', type: 'date', access: { create: nobody, update: nobody }, admin: { hidden: true } },
  ],
  hooks: {
    afterError: [answerConflictsWithCode],
    beforeChange: [guardSession],
    beforeValidate: [prepareSession],
  },
}
