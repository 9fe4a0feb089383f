// A document lock is seen and released by its holder, and by colleagues who could edit that kind of
// document in a studio they share with the holder (the admin panel shows them "being edited by …" and
// lets them take over); super admins see all. A member of two studios learns nothing of the locks of
// people in the studio where they could not edit the document.
import type { Access, PayloadRequest, Where } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { tenantsAllowing } from '../../rbac'

type Id = number | string

// Once per request: the list view asks for the locks of every page it shows.
const scopeByRequest = new WeakMap<object, Promise<Where>>()

const resourceOf = (req: PayloadRequest, slug: string): string =>
  (req.payload.collections as Record<string, { config: { custom?: { rbacResource?: string } } } | undefined>)[slug]?.config.custom?.rbacResource ?? slug

async function membersOf(req: PayloadRequest, tenantIds: string[]): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { email: true },
    where: { 'tenants.tenant': { in: tenantIds } },
  })
  return docs.map((doc) => doc.id)
}

/** Own locks, plus, per collection, the locks held by members of the tenants where the user may update it. */
function lockScope(req: PayloadRequest): Promise<Where> {
  const cached = scopeByRequest.get(req)
  if (cached) return cached
  const user = req.user!
  const scope = (async (): Promise<Where> => {
    const own: Where = { and: [{ 'user.relationTo': { equals: user.collection } }, { 'user.value': { equals: user.id } }] }
    const byCollection: Where[] = []
    // Most collections share the same tenant set (an owner's): one members query per distinct set.
    const members = new Map<string, Promise<Id[]>>()
    for (const slug of Object.keys(req.payload.collections)) {
      if (slug.startsWith('payload-')) continue
      const tenantIds = (await tenantsAllowing(req, resourceOf(req, slug), 'update')).sort()
      if (tenantIds.length === 0) continue
      const key = tenantIds.join(',')
      if (!members.has(key)) members.set(key, membersOf(req, tenantIds))
      byCollection.push({ and: [{ 'document.relationTo': { equals: slug } }, { 'user.value': { in: await members.get(key)! } }] })
    }
    return { or: [own, ...byCollection] }
  })()
  scopeByRequest.set(req, scope)
  return scope
}

export const lockHolderOrColleague: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSuperAdmin(req.user)) return true
  return lockScope(req)
}
