import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { Role } from '../../../payload-types'

import { resourceRegistry } from '../registry'
import { WILDCARD } from '../services/permissions'

/** A role may only name resources and actions that some plugin registered (or `*`). */
export const rejectUnknownPermissions: CollectionBeforeValidateHook<Role> = ({ data, req }) => {
  const registry = resourceRegistry(req.payload.config)
  const errors: { message: string; path: string }[] = []
  ;(data?.permissions ?? []).forEach((entry, index) => {
    const resource = entry.resource ?? ''
    const known = resource === WILDCARD ? [...new Set(Object.values(registry).flat())] : registry[resource]
    if (!known) {
      errors.push({ message: `Unknown resource "${resource}".`, path: `permissions.${index}.resource` })
      return
    }
    for (const action of entry.actions ?? []) {
      if (action !== WILDCARD && !known.includes(action)) {
        errors.push({ message: `Unknown action "${action}" for "${resource}".`, path: `permissions.${index}.actions` })
      }
    }
  })
  if (errors.length > 0) throw new ValidationError({ collection: 'roles', errors, req })
  return data
}
