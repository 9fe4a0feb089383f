import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import { isHeldBySuspension, refuseIfTenantSuspended } from '../services/suspension'

/** Deletes by a member of a suspended tenant are refused, like its creates and updates. */
export const refuseDeletesWhenSuspended: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  if (!isHeldBySuspension(req)) return
  if (collection.slug === 'tenants') return refuseIfTenantSuspended(req, id)
  // beforeDelete is handed the id only.
  const doc = (await req.payload.findByID({
    id,
    collection: collection.slug as CollectionSlug,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    select: { tenant: true },
  })) as null | { tenant?: null | number | { id: number } }
  await refuseIfTenantSuspended(req, doc?.tenant)
}
