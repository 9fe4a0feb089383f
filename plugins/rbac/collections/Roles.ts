import type { CollectionConfig, Validate } from 'payload'

import type { Role } from '../../../payload-types'

import { TENANT_ROLES } from '../../../utilities/tenantRoles'
import { isSlug } from '../../../fields/validators'
import { readPlatformOrTenant, writePlatformOrTenant } from '../access/platformOrTenant'
import { keepRoleTenant } from '../hooks/keepRoleTenant'
import { rejectInheritanceCycle } from '../hooks/rejectInheritanceCycle'
import { rejectPermissionEscalation } from '../hooks/rejectPermissionEscalation'
import { rejectUnknownPermissions } from '../hooks/rejectUnknownPermissions'
import { idOf } from '../../../utilities/idOf'

/**
 * Unique among the system roles, or within the role's tenant (PostgreSQL treats NULL tenants as distinct).
 * A tenant role may not take a system role's slug: memberships name roles by slug.
 */
const uniqueSlugInScope: Validate<string, Role> = async (value, { data, id, req }) => {
  if (typeof value !== 'string' || !isSlug(value)) return 'Use lowercase letters, digits and single hyphens.'
  const tenantId = data.tenant ? idOf(data.tenant) : undefined
  if (tenantId !== undefined && (TENANT_ROLES as readonly string[]).includes(value)) return 'This slug belongs to a system role.'
  const { totalDocs } = await req.payload.count({
    collection: 'roles',
    overrideAccess: true,
    req,
    where: {
      and: [
        { slug: { equals: value } },
        // A system role's slug is taken for everyone; a tenant role's only within its tenant.
        tenantId ? { or: [{ tenant: { equals: tenantId } }, { tenant: { exists: false } }] } : { tenant: { exists: false } },
        ...(id ? [{ id: { not_equals: id } }] : []),
      ],
    },
  })
  return totalDocs === 0 || 'A role with this slug already exists here.'
}

export const Roles: CollectionConfig = {
  slug: 'roles',
  access: {
    // System roles are visible to every signed-in user (everyone holds some) and written by operators only.
    create: writePlatformOrTenant('roles', 'create'),
    delete: writePlatformOrTenant('roles', 'delete'),
    read: readPlatformOrTenant('roles'),
    update: writePlatformOrTenant('roles', 'update'),
  },
  admin: {
    defaultColumns: ['name', 'slug', 'tenant'],
    group: 'Access',
    useAsTitle: 'name',
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'slug', type: 'text', index: true, required: true, validate: uniqueSlugInScope },
    { name: 'description', type: 'textarea' },
    {
      name: 'tenant',
      type: 'relationship',
      admin: { description: 'Empty for a system role, shared by every tenant.', position: 'sidebar' },
      index: true,
      relationTo: 'tenants',
    },
    { name: 'inherits', type: 'relationship', hasMany: true, relationTo: 'roles' },
    {
      name: 'permissions',
      type: 'array',
      fields: [
        { name: 'resource', type: 'text', required: true },
        { name: 'actions', type: 'text', hasMany: true, required: true },
      ],
    },
  ],
  hooks: {
    beforeChange: [keepRoleTenant, rejectPermissionEscalation],
    beforeValidate: [rejectUnknownPermissions, rejectInheritanceCycle],
  },
}
