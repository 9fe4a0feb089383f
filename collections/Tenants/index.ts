import type { CollectionConfig } from 'payload'

import { isSuperAdmin, isSuperAdminAccess } from '../../access/isSuperAdmin'
import { currencyField } from '../../fields/currencyField'
import { isIanaTimeZone, isSlug } from '../../fields/validators'
import { can } from '../../plugins/rbac'
import { DEFAULT_LOCALE, localeOptions } from '../../utilities/locales'
import { removeMemberEndpoint, setMemberEndpoint } from './members'

export const TENANT_STATUSES = ['trial', 'active', 'suspended'] as const

export const Tenants: CollectionConfig = {
  slug: 'tenants',
  access: {
    // Provisioning new tenants is the signup flow's job; until then only platform operators create them.
    create: isSuperAdminAccess,
    delete: isSuperAdminAccess,
    read: can('tenants', 'read', { tenantField: 'id' }),
    update: can('tenants', 'update', { tenantField: 'id' }),
  },
  admin: {
    defaultColumns: ['name', 'slug', 'status', 'timezone'],
    useAsTitle: 'name',
  },
  endpoints: [setMemberEndpoint, removeMemberEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      index: true,
      required: true,
      unique: true,
      validate: (value: null | string | undefined) =>
        (typeof value === 'string' && isSlug(value)) || 'Use lowercase letters, digits and single hyphens.',
    },
    {
      name: 'timezone',
      type: 'text',
      defaultValue: 'Europe/Paris',
      required: true,
      validate: (value: null | string | undefined) =>
        (typeof value === 'string' && isIanaTimeZone(value)) || 'Must be an IANA time zone, e.g. Europe/Paris.',
    },
    {
      name: 'defaultLocale',
      type: 'select',
      defaultValue: DEFAULT_LOCALE,
      options: localeOptions,
      required: true,
    },
    currencyField({ name: 'defaultCurrency', defaultValue: 'EUR', required: true }),
    {
      name: 'status',
      type: 'select',
      access: { update: ({ req }) => isSuperAdmin(req.user) },
      defaultValue: 'trial',
      options: TENANT_STATUSES.map((status) => ({ label: status, value: status })),
      required: true,
    },
    { name: 'trialEndsAt', type: 'date', access: { update: ({ req }) => isSuperAdmin(req.user) } },
  ],
}
