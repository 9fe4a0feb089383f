import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { User } from '../../../../payload-types'

import { isSuperAdmin } from '../../../../access/isSuperAdmin'
import { accountEditRefusal } from '../../../../plugins/rbac'
import { MEMBERSHIP_CHANGE_AUTHORISED } from '../context'

/**
 * Editing someone else's account (email, password, name) needs `users:update` in every tenant they
 * belong to, and every permission they hold there, assignments included: an admin of one studio must
 * not take over a member of another, nor anyone who holds more than they do.
 */
export const refuseEditsAcrossTenants: CollectionBeforeChangeHook<User> = async ({ context, data, operation, originalDoc, req }) => {
  const actor = req.user
  if (operation !== 'update' || !actor || isSuperAdmin(actor) || context[MEMBERSHIP_CHANGE_AUTHORISED]) return data
  if (!originalDoc || String(originalDoc.id) === String(actor.id)) return data
  const refusal = await accountEditRefusal(req, originalDoc)
  if (refusal) throw new APIError(refusal, 403, null, true)
  return data
}
