// Effective permissions as lists a client can read: each permission with the roles it came from.
import type { EffectivePermissions } from './permissions'

export type ExplainedPermission = { action: string; from: string[]; resource: string }

export const explain = (permissions: EffectivePermissions): ExplainedPermission[] =>
  [...permissions]
    .map(([key, from]) => {
      const separator = key.lastIndexOf(':')
      return { action: key.slice(separator + 1), from, resource: key.slice(0, separator) }
    })
    .sort((a, b) => a.resource.localeCompare(b.resource) || a.action.localeCompare(b.action))
