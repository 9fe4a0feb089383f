import type { SelectField } from 'payload'

import { TENANT_ROLES } from '../../../utilities/tenantRoles'

/** The role a user holds in one tenant, stored on the row of the users' `tenants` array. */
export const membershipRoleField: SelectField = {
  name: 'role',
  type: 'select',
  defaultValue: 'staff',
  options: TENANT_ROLES.map((role) => ({ label: role, value: role })),
  required: true,
  saveToJWT: true,
}
