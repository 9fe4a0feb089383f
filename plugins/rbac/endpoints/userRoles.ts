import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { notFound, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { explain } from '../services/explain'
import { effectivePermissions, grants } from '../services/permissions'
import { heldRoleIds, loadRoles } from '../services/userGrants'
import { tenantsAllowing } from '../access/can'
import { findVisible } from '../../../utilities/findVisible'

const userParams = z.object({ id: z.coerce.number().int().positive() })
const assignBody = z
  .object({
    expiresAt: z.iso.datetime({ offset: true }).refine((value) => Date.parse(value) > Date.now(), 'Must be in the future.').optional(),
    role: z.number().int().positive(),
    tenant: z.number().int().positive(),
  })
  .strict()

const findVisibleUser = (req: PayloadRequest, id: number) => findVisible(req, 'users', id, 'User not found.')

/** POST /api/users/:id/roles `{ role, tenant, expiresAt? }`: assign a role, with the escalation checks. */
export const assignRoleEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id } = userParams.parse(req.routeParams)
    const body = await parseBody(req, assignBody)
    await findVisibleUser(req, id)
    const assignment = await req.payload.create({
      collection: 'role-assignments',
      data: { expiresAt: body.expiresAt, role: body.role, tenant: body.tenant, user: id },
      depth: 0,
      overrideAccess: false,
      req,
      user: req.user,
    })
    return Response.json({ assignment }, { status: 201 })
  }),
  method: 'post',
  path: '/:id/roles',
}

const revokeParams = z.object({ id: z.coerce.number().int().positive(), roleId: z.coerce.number().int().positive() })
const revokeQuery = z.object({ tenant: z.coerce.number().int().positive().optional() }).strict()

/** DELETE /api/users/:id/roles/:roleId[?tenant=]: revoke that role's assignments the caller may delete. */
export const revokeRoleEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id, roleId } = revokeParams.parse(req.routeParams)
    const { tenant } = parseQuery(req, revokeQuery)
    await findVisibleUser(req, id)
    const result = await req.payload.delete({
      collection: 'role-assignments',
      overrideAccess: false,
      req,
      user: req.user,
      where: {
        and: [{ user: { equals: id } }, { role: { equals: roleId } }, ...(tenant ? [{ tenant: { equals: tenant } }] : [])],
      },
    })
    if (result.docs.length === 0) throw notFound('No such assignment that you may revoke.')
    return Response.json({ revoked: result.docs.map((doc) => doc.id) })
  }),
  method: 'delete',
  path: '/:id/roles/:roleId',
}

const explainQuery = z
  .object({
    action: z.string().min(1).optional(),
    resource: z.string().min(1).optional(),
    tenant: z.coerce.number().int().positive(),
  })
  .strict()

/**
 * GET /api/users/:id/effective-permissions?tenant=[&resource=&action=]: what the user may do in the
 * tenant and through which roles; with resource and action, whether that one thing is allowed.
 * Oneself, or with `users:read` in that tenant.
 */
export const effectivePermissionsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id } = userParams.parse(req.routeParams)
    const { action, resource, tenant } = parseQuery(req, explainQuery)
    const isSelf = String(req.user.id) === String(id)
    if (!isSelf && !isSuperAdmin(req.user) && !(await tenantsAllowing(req, 'users', 'read')).includes(String(tenant))) {
      throw notFound('User not found.')
    }
    const target = isSelf ? req.user : await findVisibleUser(req, id)
    const rolesById = await loadRoles(req, [tenant])
    const held = (await heldRoleIds(req, target, rolesById)).get(String(tenant)) ?? []
    const permissions = effectivePermissions(held, rolesById)
    const roles = held.map((roleId) => rolesById.get(String(roleId))?.slug).filter(Boolean)
    const question =
      resource && action
        ? { action, allowed: isSuperAdmin(target) || grants(permissions, resource, action), resource }
        : undefined
    return Response.json({ permissions: explain(permissions), roles, superAdmin: isSuperAdmin(target), tenant, user: id, ...(question ? { question } : {}) })
  }),
  method: 'get',
  path: '/:id/effective-permissions',
}
