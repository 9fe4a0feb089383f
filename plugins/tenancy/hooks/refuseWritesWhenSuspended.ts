import type { CollectionBeforeChangeHook } from 'payload'

import { refuseIfTenantSuspended } from '../services/suspension'

/**
 * Creates and updates by a member of a suspended tenant are refused. A document belongs to the tenant it
 * finally gets (collection hooks before this one fill it in: the tenant cookie, a booking's room); a
 * tenant belongs to itself. Listed last, after every other plugin's hooks.
 */
export const refuseWritesWhenSuspended: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (collection.slug === 'tenants') {
    if (operation === 'update') await refuseIfTenantSuspended(req, originalDoc?.id)
    return data
  }
  await refuseIfTenantSuspended(req, data.tenant ?? originalDoc?.tenant)
  return data
}
