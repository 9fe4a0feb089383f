import type { CollectionConfig } from 'payload'

import { isSuperAdmin, isSuperAdminAccess } from '../../access/isSuperAdmin'
import { currencyField } from '../../fields/currencyField'
import { can, selfOrCan } from '../../plugins/rbac'
import { adminLanguageOptions } from '../../utilities/locales'
import { refuseEditsAcrossTenants, refuseEmailChange, refuseUnlockAcrossTenants } from '../Tenants/members'
import { passwordEmailHtml, passwordEmailSubject } from './emails/passwordEmail'

export const Users: CollectionConfig = {
  slug: 'users',
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    // Tenant managers add people through POST /api/tenants/:id/members, which invites new accounts.
    create: isSuperAdminAccess,
    // Deleting an account would also remove it from other tenants: tenant admins remove memberships instead.
    delete: isSuperAdminAccess,
    read: selfOrCan('users', 'read', { tenantField: 'tenants.tenant' }),
    // Owners (and roles granting `users:unlock`), in every tenant of the account: see refuseUnlockAcrossTenants.
    unlock: can('users', 'unlock', { tenantField: 'tenants.tenant' }),
    update: selfOrCan('users', 'update', { tenantField: 'tenants.tenant' }),
  },
  admin: {
    defaultColumns: ['email', 'name', 'superAdmin'],
    useAsTitle: 'email',
  },
  auth: {
    forgotPassword: { generateEmailHTML: passwordEmailHtml, generateEmailSubject: passwordEmailSubject },
    lockTime: 15 * 60 * 1000,
    maxLoginAttempts: 5,
    tokenExpiration: 60 * 60 * 8,
  },
  custom: { rbacActions: ['unlock'] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'superAdmin',
      type: 'checkbox',
      access: {
        create: ({ req }) => isSuperAdmin(req.user),
        update: ({ req }) => isSuperAdmin(req.user),
      },
      admin: { position: 'sidebar' },
      defaultValue: false,
      index: true,
    },
    {
      name: 'languagePreference',
      type: 'select',
      defaultValue: 'en',
      options: adminLanguageOptions,
    },
    currencyField({ name: 'currencyPreference' }),
  ],
  hooks: {
    beforeChange: [refuseEditsAcrossTenants, refuseEmailChange],
    beforeOperation: [refuseUnlockAcrossTenants],
  },
}
