import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { Role } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { findInheritanceCycle } from '../services/permissions'
import { loadRoles } from '../services/userGrants'

/** Inheritance must stay a tree of system roles and roles of the same tenant, with no cycle. */
export const rejectInheritanceCycle: CollectionBeforeValidateHook<Role> = async ({ data, originalDoc, req }) => {
  const inherits = (data?.inherits ?? originalDoc?.inherits ?? []).map((parent) => idOf(parent))
  if (inherits.length === 0) return data
  const tenant = data?.tenant !== undefined ? data.tenant : originalDoc?.tenant
  const tenantId = tenant ? idOf(tenant) : undefined
  const rolesById = await loadRoles(req, tenantId === undefined ? [] : [tenantId])

  const foreign = inherits.filter((id) => !rolesById.has(String(id)))
  if (foreign.length > 0) {
    throw new ValidationError({
      collection: 'roles',
      errors: [{ message: 'A role can only inherit system roles or roles of its own tenant.', path: 'inherits' }],
      req,
    })
  }
  const cycle = findInheritanceCycle(originalDoc?.id, inherits, rolesById)
  if (cycle) {
    throw new ValidationError({
      collection: 'roles',
      errors: [{ message: `Inheritance cycle: ${cycle.join(' → ')}.`, path: 'inherits' }],
      req,
    })
  }
  return data
}
