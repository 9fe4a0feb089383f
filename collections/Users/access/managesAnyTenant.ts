import type { Access } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { TENANT_MANAGERS, tenantIdsOf } from '../../../access/tenantRoles'

/** Creating accounts: super admins, and owners or admins for the tenants they manage (checked by a hook). */
export const managesAnyTenant: Access = ({ req: { user } }) =>
  isSuperAdmin(user) || tenantIdsOf(user, TENANT_MANAGERS).length > 0
