import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { answerConflictsWithCode } from '../hooks/answerConflictsWithCode'
import { guardSession } from '../hooks/guardSession'
import { prepareSession } from '../hooks/prepareSession'
import { SESSION_STATUSES, type SessionStatus } from '../services/transitions'

const STATUS_LABELS: Record<SessionStatus, { en: string; fr: string }> = {
  cancelled: { en: 'Cancelled', fr: 'Annulée' },
  completed: { en: 'Completed', fr: 'Terminée' },
  in_progress: { en: 'In progress', fr: 'En cours' },
  scheduled: { en: 'Scheduled', fr: 'Prévue' },
}

/** A studio session, usually converted from a booking. Sessions of one room never overlap (exclusion constraint). */
export const Sessions: CollectionConfig = {
  slug: 'sessions',
  access: {
    create: can('sessions', 'create'),
    delete: can('sessions', 'delete'),
    read: can('sessions', 'read'),
    update: can('sessions', 'update'),
  },
  // No text names a session; its start does (in the reader's zone: titles are Payload's, not the studio cells).
  admin: { defaultColumns: ['room', 'start', 'end', 'artist', 'staff', 'status'], group: 'Booking', useAsTitle: 'start' },
  custom: { tenantScoped: true },
  defaultSort: '-start',
  fields: [
    { name: 'room', type: 'relationship', relationTo: 'rooms', required: true },
    // Set by converting a booking only: a session claiming a booking is left out of that booking's overlap check.
    { name: 'booking', type: 'relationship', access: { create: nobody, update: nobody }, admin: { readOnly: true }, relationTo: 'bookings', unique: true },
    { name: 'artist', type: 'relationship', relationTo: 'artists' },
    { name: 'staff', type: 'relationship', relationTo: 'users' },
    { name: 'start', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, custom: { zonedTime: true }, index: true, required: true },
    { name: 'end', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } }, custom: { zonedTime: true }, required: true },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      custom: { statusPill: true },
      defaultValue: 'scheduled',
      index: true,
      options: SESSION_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      required: true,
    },
    { name: 'blockedUntil', type: 'date', access: { create: nobody, update: nobody }, admin: { hidden: true }, custom: { zonedTime: true } },
  ],
  hooks: {
    afterError: [answerConflictsWithCode],
    beforeChange: [guardSession],
    beforeValidate: [prepareSession],
  },
}
