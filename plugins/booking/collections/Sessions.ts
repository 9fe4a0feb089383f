import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { idOf } from '../../../utilities/idOf'
import { can } from '../../rbac'
import { blockedUntil, invalidField, roomSpan } from '../services/roomSpan'
import { answerConflictsWithCode } from '../hooks/slotTaken'
import { assertNoBookingOverlap } from '../services/roomLock'
import { assertSessionTransition, BLOCKING_STATUSES, SESSION_STATUSES, type SessionStatus } from '../services/transitions'

const prepareSession: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  if (!merged.room || !merged.start || !merged.end) return data
  const { end, room, roomTenantId: tenantId } = await roomSpan(req, 'sessions', merged)
  const invalid = (path: string, message: string) => invalidField('sessions', path, message)
  if (merged.artist) {
    const artist = await req.payload.findByID({ id: idOf(merged.artist as number | { id: number }), collection: 'artists', depth: 0, overrideAccess: true, req }).catch(() => null)
    if (!artist || idOf(artist.tenant as number | { id: number }) !== tenantId) throw invalid('artist', 'No such artist in this studio.')
  }
  if (merged.staff) {
    const staff = await req.payload.findByID({ id: idOf(merged.staff as number | { id: number }), collection: 'users', depth: 0, overrideAccess: true, req }).catch(() => null)
    if (!staff?.tenants?.some((membership) => idOf(membership.tenant as number | { id: number }) === tenantId)) throw invalid('staff', 'No such member of this studio.')
  }
  data.tenant = tenantId
  data.blockedUntil = blockedUntil(end, room)
  return data
}

const guardSession: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const from = originalDoc?.status as SessionStatus | undefined
  const to = (data.status ?? from ?? 'scheduled') as SessionStatus
  if (operation === 'update' && from && to !== from) assertSessionTransition(from, to)
  if (to !== 'cancelled') {
    const merged = { ...originalDoc, ...data }
    await assertNoBookingOverlap(req, {
      blockedUntil: new Date(merged.blockedUntil as string),
      blockingStatuses: BLOCKING_STATUSES,
      bookingId: merged.booking ? idOf(merged.booking as number | { id: number }) : undefined,
      roomId: idOf(merged.room as number | { id: number }),
      start: new Date(merged.start as string),
    })
  }
  return data
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
