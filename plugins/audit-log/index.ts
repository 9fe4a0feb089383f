// Audit log: one entry per change, login, logout, failed login, refusal and sensitive read, scored for
// risk. List it after every plugin that adds collections (before tenancy, which adds none).
import type { CollectionConfig, Config, Field } from 'payload'

import type { AuditLogPluginOptions } from './types'

import { AuditLogs } from './collections/AuditLogs'
import { cleanupEndpoint } from './endpoints/cleanup'
import { exportEndpoint } from './endpoints/export'
import { statsEndpoint } from './endpoints/stats'
import { recordFailure } from './hooks/recordFailure'
import { writeChangeEntry } from './hooks/writeChangeEntry'
import { writeDeleteEntry } from './hooks/writeDeleteEntry'
import { writeLoginEntry } from './hooks/writeLoginEntry'
import { writeLogoutEntry } from './hooks/writeLogoutEntry'
import { writeViewEntry } from './hooks/writeViewEntry'
import { auditAlertTask, auditRetentionTask } from './jobs/tasks'
import { AUDIT_OPTIONS_KEY, resolveOptions } from './services/options'

export type { AuditLogPluginOptions } from './types'
export { SKIP_AUDIT } from './context'
export { writeAuditEntry } from './services/writeAuditEntry'

const retentionField: Field = {
  name: 'auditRetentionDays',
  type: 'number',
  admin: { description: 'Days audit entries are kept. Empty: the platform default.', position: 'sidebar' },
  max: 3650,
  min: 30,
}

function withAuditHooks(collection: CollectionConfig, sensitive: boolean): CollectionConfig {
  const hooks = { ...collection.hooks }
  hooks.afterChange = [...(hooks.afterChange ?? []), writeChangeEntry]
  hooks.afterDelete = [...(hooks.afterDelete ?? []), writeDeleteEntry]
  if (collection.auth) {
    hooks.afterLogin = [...(hooks.afterLogin ?? []), writeLoginEntry]
    hooks.afterLogout = [...(hooks.afterLogout ?? []), writeLogoutEntry]
  }
  if (sensitive) hooks.afterRead = [...(hooks.afterRead ?? []), writeViewEntry]
  return { ...collection, hooks }
}

export const auditLogPlugin =
  (options: AuditLogPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const resolved = resolveOptions(options)
    const excluded = new Set([AuditLogs.slug, ...resolved.excludeCollections])
    const collections = (config.collections ?? []).map((collection) => {
      const withField = collection.slug === 'tenants' ? { ...collection, fields: [...collection.fields, retentionField] } : collection
      if (excluded.has(collection.slug) || collection.slug.startsWith('payload-')) return withField
      return withAuditHooks(withField, resolved.sensitiveCollections.includes(collection.slug))
    })
    return {
      ...config,
      collections: [...collections, { ...AuditLogs, endpoints: [statsEndpoint, exportEndpoint, cleanupEndpoint] }],
      custom: { ...config.custom, [AUDIT_OPTIONS_KEY]: resolved },
      hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), recordFailure] },
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), auditAlertTask, auditRetentionTask] },
    }
  }
