import type { FieldAccess } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { idOf } from '../../../utilities/idOf'
import { tenantsAllowing } from '../../rbac'

/** Field read access: the Stripe ids show to those who hold billing:read in the document's studio, not to every member. */
export const billingReadersOnly: FieldAccess = async ({ doc, req }) => {
  if (isSuperAdmin(req.user)) return true
  if (!req.user || !doc?.tenant) return false
  return (await tenantsAllowing(req, 'billing', 'read')).includes(String(idOf(doc.tenant)))
}
