import type { CollectionSlug, Validate } from 'payload'

import { isSuperAdmin } from '../../access/isSuperAdmin'
import { tenantIdsOf } from '../../utilities/tenantRoles'
import { idOf } from '../../utilities/idOf'
import { resourceOf, tenantsAllowing } from '../rbac'

type TenantRef = null | number | string | undefined | { id: number | string }

const tenantIdOf = (value: TenantRef) => (value === null || value === undefined ? null : String(idOf(value)))


/**
 * The tenant field's last word, run after every hook has had its say (the tenant cookie, a room's studio):
 * - the tenant is required, and `null` is a change like any other;
 * - a document's tenant never changes on update, except by a super admin;
 * - the permission the operation needs is checked against the tenant the document finally gets, not
 *   against the one the request named (access runs before the hooks fill the tenant in);
 * - otherwise (trusted server code with overrideAccess), the user must still be a member there.
 * Requests without a user are trusted server code.
 */
export const validateTenantMembership: Validate = async (value: TenantRef, { collectionSlug, operation, overrideAccess, previousValue, req }) => {
  const tenantId = tenantIdOf(value)
  if (tenantId === null) return req.t('validation:required')
  const user = req.user
  if (!user || isSuperAdmin(user)) return true
  if (operation === 'update' && previousValue !== undefined && tenantIdOf(previousValue as TenantRef) !== tenantId) {
    return 'A document cannot move to another tenant.'
  }
  if (!tenantIdsOf(user).map(String).includes(tenantId)) return 'You are not a member of this tenant.'
  if (overrideAccess || (operation !== 'create' && operation !== 'update')) return true
  const collection = collectionSlug ? req.payload.collections[collectionSlug as CollectionSlug]?.config : undefined
  const allowed = collection ? await tenantsAllowing(req, resourceOf(collection), operation) : []
  return allowed.includes(tenantId) || `You may not ${operation} this here: you lack the permission in this tenant.`
}
