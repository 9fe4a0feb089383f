// What the assistant is told about the studio, read as the user: nothing here they could not read in the panel.
import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { roleIn } from '../../../utilities/tenantRoles'
import { addDays, formatInZone, startOfLocalDay } from './tools/format'
import { asUser } from './tools/scope'

export type StudioContext = {
  studio: { id: number; name: string; timeZone: string; currency: string }
  /** The rooms the user may read (all of them for most roles), at most 50. */
  rooms: { id: number; name: string }[]
  /** Bookings starting today, local time; null when the user may not read bookings. */
  todaysBookings: null | number
  roles: string[]
  /** The local date and time now, so "Saturday" and "today" mean the studio's. */
  now: string
}

const refusedAsNull = <T>(read: Promise<T>): Promise<null | T> => read.catch(() => null)

export async function studioContext(req: PayloadRequest, tenant: Tenant): Promise<StudioContext> {
  const zone = tenant.timezone
  const now = formatInZone(new Date(), zone)
  const today = now.slice(0, 10)
  const dayStart = startOfLocalDay(today, zone)
  const dayEnd = startOfLocalDay(addDays(today, 1), zone)
  const [rooms, bookings] = await Promise.all([
    refusedAsNull(req.payload.find({ collection: 'rooms', depth: 0, limit: 50, select: { name: true }, sort: 'name', ...asUser(req), where: { tenant: { equals: tenant.id } } })),
    refusedAsNull(
      req.payload.count({
        collection: 'bookings',
        ...asUser(req),
        where: { and: [{ tenant: { equals: tenant.id } }, { start: { greater_than_equal: dayStart.toISOString() } }, { start: { less_than: dayEnd.toISOString() } }] },
      }),
    ),
  ])
  const role = roleIn(req.user?.collection === 'users' ? req.user : undefined, tenant.id)
  return {
    now,
    roles: [...(role ? [role] : []), ...(isSuperAdmin(req.user) ? ['super-admin'] : [])],
    rooms: (rooms?.docs ?? []).map((room) => ({ id: room.id, name: room.name })),
    studio: { currency: tenant.defaultCurrency, id: tenant.id, name: tenant.name, timeZone: zone },
    todaysBookings: bookings?.totalDocs ?? null,
  }
}
