import type { Endpoint } from 'payload'

import { z } from 'zod'

import { TENANT_ROLES } from '../../../access/tenantRoles'
import { setMembership } from '../../../services/memberships'
import { notFound, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'

const paramsSchema = z.object({ id: z.coerce.number().int().positive() })
const bodySchema = z
  .object({
    email: z.string().trim().email().max(254),
    role: z.enum(TENANT_ROLES),
  })
  .strict()

/** POST /api/tenants/:id/members `{ email, role }`: add an existing account to the tenant, or change its role. */
export const setMemberEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id: tenantId } = paramsSchema.parse(req.routeParams)
    const { email, role } = await parseBody(req, bodySchema)

    const visibleTenants = await req.payload.count({
      collection: 'tenants',
      overrideAccess: false,
      req,
      user: req.user,
      where: { id: { equals: tenantId } },
    })
    if (visibleTenants.totalDocs === 0) throw notFound('Tenant not found.')

    const membership = await setMembership(req, { email, role, tenantId })
    return Response.json(membership, { status: membership.created ? 201 : 200 })
  }),
  method: 'post',
  path: '/:id/members',
}
