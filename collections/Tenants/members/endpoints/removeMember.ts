import type { Endpoint } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../../utilities/apiErrors'
import { findVisible } from '../../../../utilities/findVisible'
import { removeMembership } from '../services/removeMembership'

// Digits only, within PostgreSQL's integer: `z.coerce` would take `1e3` or `0x10`, and a larger id fails in SQL.
const rowId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'Must be a positive integer id.')
  .transform(Number)
  .refine((id) => id <= 2_147_483_647, 'Must be a positive integer id.')
const paramsSchema = z.object({ id: rowId, userId: rowId })

/**
 * DELETE /api/tenants/:id/members/:userId: takes the person out of the tenant, with their role
 * assignments there; their account and other memberships stay. Needs `users:update` in the tenant and
 * everything the person holds there, except to remove oneself. 200 `{ removedRoleAssignments, role,
 * tenant, user }`; 404 for a tenant the caller cannot see or a person who is not a member; 409
 * `last_owner`.
 */
export const removeMemberEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id: tenantId, userId } = paramsSchema.parse(req.routeParams)
    await findVisible(req, 'tenants', tenantId, 'Tenant not found.')
    return Response.json(await removeMembership(req, { tenantId, userId }))
  }),
  method: 'delete',
  path: '/:id/members/:userId',
}
