import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

export const SITE_STATUSES = ['pending', 'active', 'inactive', 'suspended', 'out_of_sync'] as const
export type SiteStatus = (typeof SITE_STATUSES)[number]

const systemOnly = { create: nobody, update: nobody }

/**
 * A deployed artist site. Created by the approval flow, completed by the site's own registration. The hidden
 * `secrets` group (redacted by name in audit diffs) holds keys and tokens as peppered hashes, the keys'
 * signing digests, and, only while a rotated key awaits delivery, that key sealed with AES-GCM.
 */
export const Sites: CollectionConfig = {
  slug: 'sites',
  access: {
    // Sites are created by approving an artist, never directly.
    create: nobody,
    delete: can('sites', 'delete'),
    read: can('sites', 'read'),
    update: can('sites', 'update'),
  },
  admin: {
    defaultColumns: ['name', 'url', 'status', 'keyPrefix', 'autoRegistered', 'artist', 'createdAt', 'lastSync'],
    group: 'Artists',
    useAsTitle: 'name',
  },
  custom: { rbacActions: ['regenerate-key'], tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'name', type: 'text', maxLength: 255, required: true },
    {
      name: 'url',
      type: 'text',
      access: systemOnly,
      admin: { components: { Cell: '/plugins/sites/admin/cells#SiteLinkCell' }, readOnly: true },
      unique: true,
    },
    {
      name: 'status',
      type: 'select',
      admin: { components: { Cell: '/plugins/sites/admin/cells#StatusBadgeCell' }, position: 'sidebar' },
      defaultValue: 'pending',
      index: true,
      options: SITE_STATUSES.map((value) => ({ label: value.replace('_', ' '), value })),
      required: true,
    },
    {
      name: 'keyPrefix',
      type: 'text',
      access: systemOnly,
      admin: {
        components: { Cell: '/plugins/sites/admin/cells#MaskedKeyCell' },
        description: 'The first 8 characters of the key. The key itself is never stored.',
        readOnly: true,
      },
      label: 'Key',
    },
    { name: 'autoRegistered', type: 'checkbox', access: systemOnly, admin: { readOnly: true }, defaultValue: false },
    { name: 'artist', type: 'relationship', access: systemOnly, admin: { readOnly: true }, relationTo: 'artists', required: true },
    {
      name: 'lastSync',
      type: 'date',
      access: systemOnly,
      admin: {
        components: { Cell: '/plugins/sites/admin/cells#RelativeTimeCell' },
        date: { pickerAppearance: 'dayAndTime' },
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
    },
    // Payload's own timestamp, declared here only to list it as a relative time.
    {
      name: 'createdAt',
      type: 'date',
      admin: { components: { Cell: '/plugins/sites/admin/cells#RelativeTimeCell' }, disableBulkEdit: true, hidden: true },
      index: true,
    },
    {
      name: 'previousKeyExpiresAt',
      type: 'date',
      access: systemOnly,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: 'The replaced key keeps working until then.',
        position: 'sidebar',
        readOnly: true,
      },
    },
    { name: 'keyPushAttempts', type: 'number', access: systemOnly, admin: { hidden: true }, defaultValue: 0 },
    { name: 'keyPushError', type: 'text', access: systemOnly, admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'keyActions',
      type: 'ui',
      admin: { components: { Field: '/plugins/sites/admin/RegenerateKeyButton#RegenerateKeyButton' }, position: 'sidebar' },
    },
    {
      name: 'secrets',
      type: 'group',
      access: { create: nobody, read: nobody, update: nobody },
      admin: { hidden: true },
      fields: [
        { name: 'keyHash', type: 'text', index: true },
        { name: 'signingDigest', type: 'text' },
        { name: 'previousKeyHash', type: 'text', index: true },
        { name: 'previousSigningDigest', type: 'text' },
        { name: 'pendingKeySealed', type: 'text' },
        { name: 'registrationTokenHash', type: 'text', index: true },
        { name: 'registrationTokenExpiresAt', type: 'date' },
        { name: 'registrationTokenUsedAt', type: 'date' },
      ],
      hidden: true,
    },
  ],
}
