import type { Endpoint } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantIdsOf } from '../../../utilities/tenantRoles'
import { forbidden, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { requirePermission } from '../access/requirePermission'
import { resourceRegistry } from '../registry'
import { effectivePermissions, grants, permissionKey } from '../services/permissions'
import { loadRoles } from '../services/userGrants'

/** GET /api/permissions/resources: every resource with its actions. */
export const resourcesEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const registry = resourceRegistry(req.payload.config)
    return Response.json({ resources: Object.entries(registry).map(([resource, actions]) => ({ actions, resource })) })
  }),
  method: 'get',
  path: '/permissions/resources',
}

/** GET /api/permissions/actions: every action any resource knows. */
export const actionsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const actions = [...new Set(Object.values(resourceRegistry(req.payload.config)).flat())].sort()
    return Response.json({ actions })
  }),
  method: 'get',
  path: '/permissions/actions',
}

const matrixQuery = z.object({ tenant: z.coerce.number().int().positive().optional() }).strict()

/**
 * GET /api/permissions/matrix?tenant=: roles × resources × actions. Each cell is `own` (the role
 * grants it), `inherited` (an ancestor does) or false. System roles plus the tenant's roles (with
 * `roles:read` in that tenant).
 */
export const matrixEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { tenant } = parseQuery(req, matrixQuery)
    if (tenant !== undefined && !isSuperAdmin(req.user) && !tenantIdsOf(req.user).map(String).includes(String(tenant))) {
      throw forbidden('You are not a member of this tenant.')
    }
    // A tenant's own roles are as private as they are over REST: `roles:read` there.
    if (tenant !== undefined) await requirePermission(req, 'roles', 'read', tenant)
    const registry = resourceRegistry(req.payload.config)
    const rolesById = await loadRoles(req, tenant === undefined ? [] : [tenant])
    const roles = [...rolesById.values()].map((role) => {
      const own = new Set(role.permissions.flatMap(({ actions, resource }) => actions.map((action) => permissionKey(resource, action))))
      const effective = effectivePermissions([role.id], rolesById)
      const cells: Record<string, Record<string, 'inherited' | 'own' | false>> = {}
      for (const [resource, actions] of Object.entries(registry)) {
        cells[resource] = Object.fromEntries(
          actions.map((action) => [
            action,
            grants(own, resource, action) ? 'own' : grants(effective, resource, action) ? 'inherited' : false,
          ]),
        )
      }
      return { id: role.id, inherits: role.inherits, permissions: cells, slug: role.slug }
    })
    return Response.json({ resources: registry, roles })
  }),
  method: 'get',
  path: '/permissions/matrix',
}
