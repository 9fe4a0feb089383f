import type { Endpoint } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { explain } from '../services/explain'
import { effectivePermissions } from '../services/permissions'
import { loadRoles } from '../services/userGrants'
import { idOf } from '../../../utilities/idOf'

const paramsSchema = z.object({ id: z.coerce.number().int().positive() })

/** GET /api/roles/:id/permissions: the role's effective permissions, each with the role it came from. */
export const rolePermissionsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id } = paramsSchema.parse(req.routeParams)
    const role = await findVisible(req, 'roles', id, 'Role not found.')
    const tenantId = role.tenant ? idOf(role.tenant) : undefined
    const rolesById = await loadRoles(req, tenantId ? [tenantId] : [])
    return Response.json({
      permissions: explain(effectivePermissions([role.id], rolesById)),
      role: { id: role.id, name: role.name, slug: role.slug, tenant: tenantId ?? null },
    })
  }),
  method: 'get',
  path: '/:id/permissions',
}
