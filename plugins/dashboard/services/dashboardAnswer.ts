// The dashboard answer for one studio (or all, for a super admin): each part only when the caller may
// read what it counts there, computed in PostgreSQL and cached per studio and per view.
import type { Payload, PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'
import type { DashboardAnswer } from '../types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { TENANT_ROLES } from '../../../utilities/tenantRoles'
import { transactionDb } from '../../../utilities/transactionDb'
import { tenantsAllowing } from '../../rbac'
import { dashboardCacheKey, TimedCache } from './dashboardCache'
import { dashboardLinks } from './dashboardLinks'
import { bookingCounts, bookingsPerDay, boundariesOf, membersByRole, occupancyByRoom, ratio, revenuePerMonth, revenueThisMonth, sessionsAndRooms } from './dashboardQueries'
import { dashboardOptions } from './options'

/** Which parts the caller sees. `rooms` (the count and occupancy) needs both rooms:read and bookings:read. */
export type DashboardView = { bookings: boolean; members: boolean; payments: boolean; rooms: boolean; sessions: boolean }

/** What the caller may read in the studio (everything for a super admin). */
export async function dashboardView(req: PayloadRequest, tenantId: null | number): Promise<DashboardView> {
  const holds = async (resource: string) =>
    isSuperAdmin(req.user) || (tenantId !== null && (await tenantsAllowing(req, resource, 'read')).includes(String(tenantId)))
  // Members are the users collection's list filtered by `tenants.tenant`, which users:read guards.
  const [bookings, members, payments, rooms, sessions] = await Promise.all([holds('bookings'), holds('users'), holds('payments'), holds('rooms'), holds('sessions')])
  return { bookings, members, payments, rooms: rooms && bookings, sessions }
}

export const seesNothing = (view: DashboardView): boolean => !Object.values(view).some(Boolean)

const caches = new WeakMap<Payload, TimedCache<DashboardAnswer>>()
export const dashboardCache = (payload: Payload): TimedCache<DashboardAnswer> => {
  let cache = caches.get(payload)
  if (!cache) caches.set(payload, (cache = new TimedCache(dashboardOptions(payload).cacheMs)))
  return cache
}

async function compute(req: PayloadRequest, tenant: null | Tenant, view: DashboardView): Promise<DashboardAnswer> {
  const db = await transactionDb(req)
  const id = tenant?.id ?? null
  const at = new Date()
  const skip = Promise.resolve(null)
  const [counts, perDay, revenue, ownMonths, occupancy, sessionsRooms, members, boundaries] = await Promise.all([
    view.bookings ? bookingCounts(db, id, at) : skip,
    view.bookings ? bookingsPerDay(db, id, at) : skip,
    view.payments ? revenuePerMonth(db, id, at) : skip,
    // One studio's month is the chart's last; across studios, each studio's own month can differ from it.
    view.payments && id === null ? revenueThisMonth(db, id, at) : skip,
    view.rooms ? occupancyByRoom(db, id, at) : skip,
    view.sessions || view.rooms ? sessionsAndRooms(db, id, at) : skip,
    view.members ? membersByRole(db, id, at) : skip,
    id === null ? skip : boundariesOf(db, id, at),
  ])
  const byRole = members ? Object.fromEntries(TENANT_ROLES.map((role) => [role, members.find((entry) => entry.role === role)?.count ?? 0])) : null
  const booked = occupancy?.reduce((sum, room) => sum + room.bookedMinutes, 0) ?? 0
  const open = occupancy?.reduce((sum, room) => sum + room.openMinutes, 0) ?? 0
  const figures: DashboardAnswer['figures'] = {
    bookingsThisWeek: counts?.thisWeek ?? null,
    bookingsToday: counts?.today ?? null,
    members: byRole ? { byRole, total: Object.values(byRole).reduce((sum, count) => sum + count, 0) } : null,
    occupancyThisWeek: occupancy ? ratio(booked, open) : null,
    pendingBookings: counts?.pending ?? null,
    revenueThisMonth: revenue ? (ownMonths ?? revenue.at(-1)?.amounts ?? []) : null,
    rooms: view.rooms && sessionsRooms ? sessionsRooms.rooms : null,
    sessionsNow: view.sessions && sessionsRooms ? sessionsRooms.sessionsNow : null,
  }
  return {
    charts: { bookingsPerDay: perDay, occupancyByRoom: occupancy, revenuePerMonth: revenue },
    figures,
    generatedAt: at.toISOString(),
    links: tenant && boundaries ? dashboardLinks(tenant.id, boundaries, figures, at) : {},
    tenant: tenant ? { currency: tenant.defaultCurrency, id: tenant.id, name: tenant.name, slug: tenant.slug, timezone: tenant.timezone } : null,
  }
}

/** The answer from the cache when a fresh one for this studio and view is there. */
export async function dashboardAnswer(req: PayloadRequest, tenant: null | Tenant, view: DashboardView): Promise<DashboardAnswer> {
  const cache = dashboardCache(req.payload)
  const key = dashboardCacheKey(tenant?.id ?? null, view)
  const cached = cache.get(key)
  if (cached) return cached
  const answer = await compute(req, tenant, view)
  cache.set(key, answer)
  return answer
}
