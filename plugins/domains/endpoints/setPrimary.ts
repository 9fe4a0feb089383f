import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'

import { conflict, notFound, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { requirePermission } from '../../rbac'

// Arbitrary, beside the claim lock (7501): one lock per studio while its primary domain changes.
const PRIMARY_LOCK_NAMESPACE = 7_502

const params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) })

/**
 * POST /api/domains/:id/set-primary: makes an active domain the studio's primary one, and no other.
 * Answers `{ id, hostname, primary: true }`. 401 signed out, 404 for a domain the caller cannot see, 403
 * without domains:update in its studio, 409 `domain_not_active` unless it is active.
 */
export const setPrimaryEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { id } = params.parse(req.routeParams)
    if (!req.user) throw unauthorized()
    const domain = await findVisible(req, 'domains', id, 'Domain not found.')
    const tenantId = idOf(domain.tenant)
    await requirePermission(req, 'domains', 'update', tenantId)
    // A domain left without a studio (operators only) has no studio to be the primary domain of.
    if (tenantId === null || tenantId === undefined) throw conflict('Only an active domain can be the primary one.', 'domain_not_active')
    await inTransaction(req, async () => {
      const db = await transactionDb(req)
      // Two requests for one studio would otherwise both unset and then both set (the unique index refuses one).
      await db.execute(sql`select pg_advisory_xact_lock(${PRIMARY_LOCK_NAMESPACE}, ${tenantId})`)
      const { rows } = (await db.execute(sql`select status from domains where id = ${id} and tenant_id = ${tenantId}`)) as { rows: { status: string }[] }
      if (!rows[0]) throw notFound('Domain not found.')
      if (rows[0].status !== 'active') throw conflict('Only an active domain can be the primary one.', 'domain_not_active')
      await req.payload.update({
        collection: 'domains',
        data: { primary: false },
        overrideAccess: true,
        req,
        where: { and: [{ tenant: { equals: tenantId } }, { primary: { equals: true } }, { id: { not_equals: id } }] },
      })
      await req.payload.update({ id, collection: 'domains', data: { primary: true }, overrideAccess: true, req })
    })
    return Response.json({ id, hostname: domain.hostname, primary: true })
  }),
  method: 'post',
  path: '/:id/set-primary',
}
