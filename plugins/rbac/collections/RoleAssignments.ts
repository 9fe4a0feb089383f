import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'

import { can } from '../access/can'
import { recordGrantedBy } from '../hooks/recordGrantedBy'
import { rejectAssignmentEscalation } from '../hooks/rejectAssignmentEscalation'

/** A role a user holds in one tenant, beyond their membership role, optionally until `expiresAt`. */
export const RoleAssignments: CollectionConfig = {
  slug: 'role-assignments',
  access: {
    create: can('role-assignments', 'create'),
    delete: can('role-assignments', 'delete'),
    read: can('role-assignments', 'read'),
    update: can('role-assignments', 'update'),
  },
  admin: { defaultColumns: ['user', 'role', 'expiresAt'], group: 'Access' },
  custom: { tenantScoped: true },
  fields: [
    { name: 'user', type: 'relationship', index: true, relationTo: 'users', required: true },
    { name: 'role', type: 'relationship', index: true, relationTo: 'roles', required: true },
    {
      name: 'expiresAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Empty: never. From this instant on, the role grants nothing.' },
      index: true,
    },
    // Set by the server on create; a client-set value would forge who granted it (and query other accounts).
    { name: 'grantedBy', type: 'relationship', access: { create: nobody, update: nobody }, admin: { readOnly: true }, relationTo: 'users' },
  ],
  hooks: {
    beforeChange: [rejectAssignmentEscalation, recordGrantedBy],
  },
}
