import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { Role } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'

const tenantIdOf = (tenant: Role['tenant'] | undefined) => (tenant ? String(idOf(tenant)) : null)

/**
 * A role stays where it was created, for everyone: moving a role into another studio (or making it a
 * system role) would hand its permissions to whoever holds it there.
 */
export const keepRoleTenant: CollectionBeforeChangeHook<Role> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !('tenant' in data)) return data
  if (tenantIdOf(data.tenant) !== tenantIdOf(originalDoc?.tenant)) {
    throw new ValidationError({ collection: 'roles', errors: [{ message: 'A role’s tenant cannot change.', path: 'tenant' }], req })
  }
  return data
}
