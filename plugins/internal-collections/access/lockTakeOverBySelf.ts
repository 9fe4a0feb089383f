// Updating a lock is taking it over: the panel PATCHes `{ user: <me> }` onto a colleague's lock. Nothing
// else may change (not the document, not the holder to someone else).
import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { lockHolderOrColleague } from './lockHolderOrColleague'

type Holder = { relationTo?: unknown; value?: unknown }

export const lockTakeOverBySelf: Access = async (args) => {
  const { data, req } = args
  if (!req.user) return false
  if (isSuperAdmin(req.user)) return true
  // Bulk updates reach access without data: refused, since what they would write cannot be checked.
  if (!data || Object.keys(data).some((key) => key !== 'user')) return false
  const holder = data.user as Holder | undefined
  if (holder?.relationTo !== req.user.collection || String(holder.value) !== String(req.user.id)) return false
  return lockHolderOrColleague(args)
}
