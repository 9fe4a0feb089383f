import type { Access, Where } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantsAllowing } from '../../rbac'

/**
 * Read access to conversations and their messages: one's own, in the studios where one may use the
 * assistant, and every one of a studio where one holds `ai:read-all` (owners).
 */
export const ownOrReadAll: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSuperAdmin(req.user)) return true
  const [readAll, use] = await Promise.all([tenantsAllowing(req, 'ai', 'read-all'), tenantsAllowing(req, 'ai', 'use')])
  const scopes: Where[] = []
  if (readAll.length > 0) scopes.push({ tenant: { in: readAll } })
  if (use.length > 0 && req.user.collection === 'users') scopes.push({ and: [{ user: { equals: req.user.id } }, { tenant: { in: use } }] })
  return scopes.length > 0 ? { or: scopes } : false
}
