// A feed's URL is its owner's credential: people see and manage their own feeds, super admins every feed.
import type { Access, Where } from 'payload'

import { isSuperAdmin } from '../../../../../access/isSuperAdmin'

export const feedOwnerOrSuperAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const own: Where = { user: { equals: user.id } }
  return own
}
