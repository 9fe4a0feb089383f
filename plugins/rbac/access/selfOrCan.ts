import type { Access, Where } from 'payload'

import { can, type CanOptions } from './can'

/** For the users collection: oneself, plus whoever `can(resource, action)` reaches. */
export const selfOrCan =
  (resource: string, action: string, options?: CanOptions): Access =>
  async (args) => {
    const user = args.req.user
    if (!user) return false
    const scoped = await can(resource, action, options)(args)
    if (scoped === true) return true
    const self: Where = { id: { equals: user.id } }
    return scoped ? { or: [self, scoped] } : self
  }
