import type { CollectionBeforeChangeHook } from 'payload'

import type { RoleAssignment } from '../../../payload-types'

/** A new assignment records who granted it. */
export const recordGrantedBy: CollectionBeforeChangeHook<RoleAssignment> = ({ data, operation, req }) =>
  operation === 'create' && req.user ? { ...data, grantedBy: req.user.id } : data
