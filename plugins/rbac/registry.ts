// The resource/action registry: every collection with CRUD plus its own actions, and named capabilities.
import type { CollectionConfig, Config, SanitizedConfig } from 'payload'

export const CRUD_ACTIONS = ['create', 'read', 'update', 'delete'] as const

/** resource → actions */
export type ResourceRegistry = Record<string, string[]>

declare module 'payload' {
  interface CollectionCustom {
    /** Actions beyond CRUD that this collection's endpoints check, e.g. `confirm`, `approve`. */
    rbacActions?: string[]
    /** The resource this collection's access checks, when it is not the slug (audit-logs → `audit`). */
    rbacResource?: string
  }
}

const CAPABILITIES_KEY = 'rbacCapabilities'

/** For plugins: declare named capabilities (`reports: ['read', 'export']`) without a collection. */
export const registerCapabilities = (config: Config, capabilities: ResourceRegistry): Config => {
  const existing = (config.custom?.[CAPABILITIES_KEY] ?? {}) as ResourceRegistry
  const merged = { ...existing }
  for (const [resource, actions] of Object.entries(capabilities)) {
    merged[resource] = [...new Set([...(merged[resource] ?? []), ...actions])]
  }
  return { ...config, custom: { ...config.custom, [CAPABILITIES_KEY]: merged } }
}

const isInternal = (collection: Pick<CollectionConfig, 'slug'>) => collection.slug.startsWith('payload-')

/** The resource a collection's documents are checked as: `custom.rbacResource` (audit-logs → `audit`), else its slug. */
export const resourceOf = (collection: Pick<CollectionConfig, 'custom' | 'slug'>): string => collection.custom?.rbacResource ?? collection.slug

export function resourceRegistry(config: Config | SanitizedConfig): ResourceRegistry {
  const registry: ResourceRegistry = {}
  for (const collection of config.collections ?? []) {
    if (isInternal(collection)) continue
    const resource = resourceOf(collection)
    registry[resource] = [...new Set([...(registry[resource] ?? []), ...CRUD_ACTIONS, ...(collection.custom?.rbacActions ?? [])])]
  }
  for (const [resource, actions] of Object.entries((config.custom?.[CAPABILITIES_KEY] ?? {}) as ResourceRegistry)) {
    registry[resource] = [...new Set([...(registry[resource] ?? []), ...actions])]
  }
  return registry
}
