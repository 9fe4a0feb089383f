import type { Validate } from 'payload'

import { isSuperAdmin } from '../../access/isSuperAdmin'
import { tenantIdsOf } from '../../access/tenantRoles'
import { idOf } from '../../utilities/idOf'

/**
 * The multi-tenant plugin's tenant field skips relationship filter validation, so without this a member
 * of tenant A could write a document into tenant B. Requests without a user are trusted server code.
 */
export const validateTenantMembership: Validate = (value, { req }) => {
  const user = req.user
  if (!user || isSuperAdmin(user) || value === null || value === undefined) return true
  return tenantIdsOf(user).map(String).includes(String(idOf(value))) || 'You are not a member of this tenant.'
}
