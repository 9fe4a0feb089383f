import type { FieldAccess } from 'payload'

import { isSuperAdmin } from './isSuperAdmin'

const selfOrSuperAdmin: FieldAccess = ({ doc, req }) => isSuperAdmin(req.user) || (req.user?.collection === 'users' && doc?.id === req.user.id)

/**
 * A user's own preference (display currency, admin theme): read by that person and operators only, never
 * written through Payload's REST, only by its endpoint, which validates what it stores.
 */
export const personalFieldAccess = { create: () => false, read: selfOrSuperAdmin, update: () => false }
