import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { User } from '../../../../payload-types'

import { isSuperAdmin } from '../../../../access/isSuperAdmin'

/**
 * The sign-in email is an identity, proven when the account was invited or created: a studio adds an
 * existing account by its email. Changing it without proof would let anyone pre-claim an address a
 * studio is about to invite (and receive that role), so only super admins change it for now.
 */
export const refuseEmailChange: CollectionBeforeChangeHook<User> = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !req.user || isSuperAdmin(req.user) || typeof data.email !== 'string') return data
  if (data.email.trim().toLowerCase() !== (originalDoc?.email ?? '').toLowerCase()) {
    throw new APIError('Only platform operators change a sign-in email.', 403, null, true)
  }
  return data
}
