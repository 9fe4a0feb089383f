import type { Endpoint } from 'payload'

import { z } from 'zod'

import { TENANT_ROLES } from '../../../../utilities/tenantRoles'
import { unauthorized, withErrorHandling } from '../../../../utilities/apiErrors'
import { findVisible } from '../../../../utilities/findVisible'
import { parseBody } from '../../../../utilities/parseRequest'
import { setMembership } from '../services/setMembership'

const paramsSchema = z.object({ id: z.coerce.number().int().positive() })
const bodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().email().max(254),
    role: z.enum(TENANT_ROLES),
  })
  .strict()

/**
 * POST /api/tenants/:id/members `{ email, role, name? }`: gives a person a role in the tenant. An
 * unknown email gets a new account and an invitation email. 201 when they joined, 200 on a role change.
 */
export const setMemberEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id: tenantId } = paramsSchema.parse(req.routeParams)
    const body = await parseBody(req, bodySchema)

    const tenant = await findVisible(req, 'tenants', tenantId, 'Tenant not found.')

    const membership = await setMembership(req, { ...body, tenant })
    return Response.json(membership, { status: membership.joined ? 201 : 200 })
  }),
  method: 'post',
  path: '/:id/members',
}
