// The admin list behind each figure: the studio's documents filtered to the figure's condition.
import * as qs from 'qs-esm'

import type { DashboardAnswer } from '../types'
import type { Boundaries } from './dashboardQueries'

const list = (collection: string, where: Record<string, unknown>) => `/admin/collections/${collection}${qs.stringify({ where }, { addQueryPrefix: true })}`

export function dashboardLinks(tenantId: number, at: Boundaries, figures: DashboardAnswer['figures'], now: Date): DashboardAnswer['links'] {
  const tenant = { equals: tenantId }
  const live = { not_in: ['cancelled', 'expired'] }
  const links: DashboardAnswer['links'] = {
    bookingsThisWeek: list('bookings', { start: { greater_than_equal: at.weekStart, less_than: at.weekEnd }, status: live, tenant }),
    bookingsToday: list('bookings', { start: { greater_than_equal: at.todayStart, less_than: at.tomorrowStart }, status: live, tenant }),
    members: `/admin/collections/users${qs.stringify({ where: { 'tenants.tenant': tenant } }, { addQueryPrefix: true })}`,
    occupancyThisWeek: list('bookings', { end: { greater_than: at.weekStart }, start: { less_than: at.weekEnd }, status: live, tenant }),
    pendingBookings: list('bookings', { status: { equals: 'pending' }, tenant }),
    revenueThisMonth: list('payments', { paidAt: { greater_than_equal: at.monthStart, less_than: at.monthEnd }, status: { equals: 'paid' }, tenant }),
    rooms: list('rooms', { active: { equals: true }, tenant }),
    sessionsNow: list('sessions', { end: { greater_than: now.toISOString() }, start: { less_than_equal: now.toISOString() }, status: { not_equals: 'cancelled' }, tenant }),
  }
  // Only the figures the caller sees get a link.
  return Object.fromEntries(Object.entries(links).filter(([key]) => figures[key as keyof typeof figures] !== null))
}
