// A document lock is seen and released by its holder, and by whoever may edit the locked document itself:
// `<collection>:update` in the document's own tenant (the admin panel shows them "being edited by …" and
// lets them take over). Super admins see all. Nobody learns of locks on documents they could not edit,
// whoever holds them and whatever studios they share.
import type { Access, CollectionSlug, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { resourceOf, tenantsAllowing } from '../../rbac'

type Id = number | string
type Lock = { document?: null | { relationTo?: string; value?: Id | { id: Id } }; id: Id }

const LOCKS = 'payload-locked-documents'

// Once per request: the list view asks for the locks of every page it shows.
const scopeByRequest = new WeakMap<object, Promise<Where>>()

const lockedId = (lock: Lock): Id | undefined => {
  const value = lock.document?.value
  return value && typeof value === 'object' ? value.id : value
}

/** Where a collection's documents say their tenant, or undefined for those without one. */
function tenantPathOf(collection: SanitizedCollectionConfig): string | undefined {
  if (collection.slug === 'tenants') return 'id'
  return collection.fields.some((field) => 'name' in field && field.name === 'tenant') ? 'tenant' : undefined
}

async function editableLockIds(req: PayloadRequest): Promise<Id[]> {
  const { docs } = await req.payload.find({ collection: LOCKS as never, depth: 0, overrideAccess: true, pagination: false, req })
  const bySlug = new Map<string, Lock[]>()
  for (const lock of docs as unknown as Lock[]) {
    const slug = lock.document?.relationTo
    if (slug) bySlug.set(slug, [...(bySlug.get(slug) ?? []), lock])
  }
  const visible: Id[] = []
  for (const [slug, locks] of bySlug) {
    const collection = req.payload.collections[slug as CollectionSlug]?.config
    const tenantPath = collection && tenantPathOf(collection)
    if (!collection || !tenantPath) continue
    const tenantIds = await tenantsAllowing(req, resourceOf(collection), 'update')
    if (tenantIds.length === 0) continue
    const { docs: editable } = await req.payload.find({
      collection: slug as 'tenants',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ id: { in: locks.map(lockedId).filter((id) => id !== undefined) } }, { [tenantPath]: { in: tenantIds } }] },
    })
    const editableIds = new Set(editable.map((doc) => String(doc.id)))
    visible.push(...locks.filter((lock) => editableIds.has(String(lockedId(lock)))).map((lock) => lock.id))
  }
  return visible
}

function lockScope(req: PayloadRequest): Promise<Where> {
  const cached = scopeByRequest.get(req)
  if (cached) return cached
  const user = req.user!
  const scope = (async (): Promise<Where> => {
    const own: Where = { and: [{ 'user.relationTo': { equals: user.collection } }, { 'user.value': { equals: user.id } }] }
    const editable = await editableLockIds(req)
    return editable.length > 0 ? { or: [own, { id: { in: editable } }] } : own
  })()
  scopeByRequest.set(req, scope)
  return scope
}

export const lockHolderOrColleague: Access = async ({ req }) => {
  if (!req.user) return false
  if (isSuperAdmin(req.user)) return true
  return lockScope(req)
}
