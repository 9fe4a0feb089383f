// RBAC: roles with inheritance, per-tenant assignments with expiry, and `can(resource, action)`.
import type { Config } from 'payload'

import type { RbacPluginOptions } from './types'

import { Roles } from './collections/Roles'
import { RoleAssignments } from './collections/RoleAssignments'
import { actionsEndpoint, matrixEndpoint, resourcesEndpoint } from './endpoints/permissionCatalog'
import { rolePermissionsEndpoint } from './endpoints/rolePermissions'
import { assignRoleEndpoint, effectivePermissionsEndpoint, revokeRoleEndpoint } from './endpoints/userRoles'
import { expireAssignmentsTask } from './jobs/expireAssignments'
import { registerCapabilities } from './registry'

export { can, tenantsAllowing } from './access/can'
export { readPlatformOrTenant, writePlatformOrTenant } from './access/platformOrTenant'
export { requirePermission } from './access/requirePermission'
export { selfOrCan } from './access/selfOrCan'
export { ROLE_EXPIRED_CONTEXT } from './context'
export { accountEditRefusal, memberRemovalRefusal, membershipChangeRefusal } from './services/membershipChange'
export { registerCapabilities, resourceOf } from './registry'
export { tenantForPermission } from './services/tenantForPermission'
export type { RbacPluginOptions } from './types'

export const rbacPlugin =
  (options: RbacPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const config = registerCapabilities(incomingConfig, options.capabilities ?? {})
    const collections = (config.collections ?? []).map((collection) =>
      collection.auth
        ? { ...collection, endpoints: [...(collection.endpoints || []), assignRoleEndpoint, revokeRoleEndpoint, effectivePermissionsEndpoint] }
        : collection,
    )
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/plugins/rbac/admin/PermissionsNavLink#PermissionsNavLink'],
          views: {
            ...config.admin?.components?.views,
            permissionMatrix: { Component: '/plugins/rbac/admin/PermissionMatrixView#PermissionMatrixView', path: '/permissions' },
          },
        },
      },
      collections: [...collections, { ...Roles, endpoints: [rolePermissionsEndpoint] }, RoleAssignments],
      endpoints: [...(config.endpoints ?? []), resourcesEndpoint, actionsEndpoint, matrixEndpoint],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), expireAssignmentsTask] },
    }
  }
