// Tenancy: wraps @payloadcms/plugin-multi-tenant so that a collection becomes tenant-scoped with one
// line, `custom: { tenantScoped: true }`, and holds back writes to suspended tenants. List it after every
// plugin that adds collections.
import type { CollectionConfig, Config, Field } from 'payload'

import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'

import type { TenancyPluginOptions, TenantScopedOptions } from './types'

import { isSuperAdmin } from '../../access/isSuperAdmin'
import { membershipRoleField } from './fields/membershipRole'
import { keepRelationsInTenant } from './fields/sameTenantOptions'
import { refuseDeletesWhenSuspended } from './hooks/refuseDeletesWhenSuspended'
import { refuseWritesWhenSuspended } from './hooks/refuseWritesWhenSuspended'
import { validateTenantMembership } from './validateTenantMembership'

export type { TenancyPluginOptions, TenantScopedOptions } from './types'
export { refuseIfTenantSuspended, TENANT_SUSPENDED, TenantSuspendedError } from './services/suspension'

const scopeOptions = (collection: CollectionConfig): TenantScopedOptions | undefined => {
  const flag = collection.custom?.tenantScoped
  if (!flag) return undefined
  return flag === true ? {} : flag
}

/** Adds the compound unique indexes (tenant + field) a tenant-scoped collection asks for. */
export function withPerTenantIndexes(collection: CollectionConfig): CollectionConfig {
  const unique = scopeOptions(collection)?.uniquePerTenant ?? []
  if (unique.length === 0) return collection
  return {
    ...collection,
    indexes: [...(collection.indexes ?? []), ...unique.map((field) => ({ fields: ['tenant', field], unique: true }))],
  }
}

const isTenantRelation = (field: Field) => 'name' in field && field.name === 'tenant' && field.type === 'relationship' && field.relationTo === 'tenants'

/** Tenants themselves and whatever belongs to one (scoped, or with a tenant field of its own: roles), unless exempt. */
const belongsToATenant = (collection: CollectionConfig): boolean =>
  !collection.custom?.writableWhenSuspended &&
  (collection.slug === 'tenants' || Boolean(scopeOptions(collection)) || collection.fields.some(isTenantRelation))

/** Members of a suspended tenant may not write what belongs to it: hooks last, after every plugin's own. */
function withSuspensionGuard(collection: CollectionConfig): CollectionConfig {
  if (!belongsToATenant(collection)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), refuseWritesWhenSuspended],
      beforeDelete: [...(hooks.beforeDelete ?? []), refuseDeletesWhenSuspended],
    },
  }
}

export const tenancyPlugin =
  (options: TenancyPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const scopedSlugs = (incomingConfig.collections ?? []).filter((collection) => scopeOptions(collection)).map(({ slug }) => slug)
    const collections = (incomingConfig.collections ?? []).map((collection) =>
      withSuspensionGuard(
        scopeOptions(collection) ? withPerTenantIndexes({ ...collection, fields: keepRelationsInTenant(collection.fields, scopedSlugs) }) : collection,
      ),
    )
    const scoped = collections.filter((collection) => scopeOptions(collection))

    return multiTenantPlugin({
      collections: Object.fromEntries(scoped.map((collection) => [collection.slug, {}])),
      tenantField: { validate: validateTenantMembership },
      tenantsArrayField: { includeDefaultField: true, rowFields: [membershipRoleField] },
      userHasAccessToAllTenants: (user) => isSuperAdmin(user as { superAdmin?: boolean }),
    })({ ...incomingConfig, collections })
  }
