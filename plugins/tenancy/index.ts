// Tenancy: wraps @payloadcms/plugin-multi-tenant so that a collection becomes tenant-scoped with one
// line, `custom: { tenantScoped: true }`. List it after every plugin that adds collections.
import type { CollectionConfig, Config } from 'payload'

import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'

import type { TenancyPluginOptions, TenantScopedOptions } from './types'

import { isSuperAdmin } from '../../access/isSuperAdmin'
import { membershipRoleField } from './fields/membershipRole'
import { keepRelationsInTenant } from './fields/sameTenantOptions'
import { validateTenantMembership } from './validateTenantMembership'

export type { TenancyPluginOptions, TenantScopedOptions } from './types'

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

export const tenancyPlugin =
  (options: TenancyPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const scopedSlugs = (incomingConfig.collections ?? []).filter((collection) => scopeOptions(collection)).map(({ slug }) => slug)
    const collections = (incomingConfig.collections ?? []).map((collection) =>
      scopeOptions(collection) ? withPerTenantIndexes({ ...collection, fields: keepRelationsInTenant(collection.fields, scopedSlugs) }) : collection,
    )
    const scoped = collections.filter((collection) => scopeOptions(collection))

    return multiTenantPlugin({
      collections: Object.fromEntries(scoped.map((collection) => [collection.slug, {}])),
      tenantField: { validate: validateTenantMembership },
      tenantsArrayField: { includeDefaultField: true, rowFields: [membershipRoleField] },
      userHasAccessToAllTenants: (user) => isSuperAdmin(user as { superAdmin?: boolean }),
    })({ ...incomingConfig, collections })
  }
