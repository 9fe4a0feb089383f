import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { badRequest, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { tenantForPermission, tenantsAllowing } from '../../rbac'
import { calendarEvents } from '../services/calendarEvents'

/** A week view with its neighbours, or a month: more is not a calendar's range but an export. */
const MAX_RANGE_DAYS = 42

const instant = z.iso.datetime({ offset: true })
const querySchema = z
  .object({
    from: instant,
    tenant: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
    to: instant,
  })
  .strict()

const holds = async (req: PayloadRequest, tenantId: number, resource: string, action: string) =>
  isSuperAdmin(req.user) || (await tenantsAllowing(req, resource, action)).includes(String(tenantId))

/**
 * GET /api/calendar/events?tenant=&from=&to=: one studio's rooms (with opening hours), its bookings in a
 * blocking status and, with sessions:read, its live sessions overlapping [from, to), at most 42 days; and what
 * the caller may do from the calendar (`can`). Needs bookings:read in the studio: 401, 403, 404 as usual.
 */
export const calendarEventsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const query = parseQuery(req, querySchema)
    const from = new Date(query.from)
    const to = new Date(query.to)
    if (to <= from) throw badRequest('`to` must come after `from`.', 'to')
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw badRequest(`At most ${MAX_RANGE_DAYS} days at once.`, 'to')
    const tenant = await tenantForPermission(req, query.tenant, 'bookings', 'read')
    const [sessions, confirm, cancel, create] = await Promise.all([
      holds(req, tenant.id, 'sessions', 'read'),
      holds(req, tenant.id, 'bookings', 'confirm'),
      holds(req, tenant.id, 'bookings', 'cancel'),
      holds(req, tenant.id, 'bookings', 'create'),
    ])
    // bookings:read covers the whole booking, customer included (no field rule hides it).
    const events = await calendarEvents(req, tenant, { from, to }, { customers: true, sessions })
    return Response.json({ ...events, can: { cancel, confirm, create } })
  }),
  method: 'get',
  path: '/calendar/events',
}
