import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { deleteArtistSites } from '../hooks/deleteArtistSites'
import { refuseApprovalByEdit } from '../hooks/refuseApprovalByEdit'

export const ARTIST_STATUSES = ['pending', 'approved', 'rejected'] as const

export const Artists: CollectionConfig = {
  slug: 'artists',
  access: {
    create: can('artists', 'create'),
    delete: can('artists', 'delete'),
    read: can('artists', 'read'),
    update: can('artists', 'update'),
  },
  admin: { defaultColumns: ['name', 'email', 'status', 'site'], group: 'Artists', useAsTitle: 'name' },
  custom: { rbacActions: ['approve'], tenantScoped: true },
  fields: [
    { name: 'name', type: 'text', maxLength: 200, required: true },
    { name: 'email', type: 'email', required: true },
    { name: 'bio', type: 'richText', localized: true },
    { name: 'portfolio', type: 'upload', hasMany: true, relationTo: 'media' },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar' },
      defaultValue: 'pending',
      index: true,
      options: ARTIST_STATUSES.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
      required: true,
    },
    {
      name: 'site',
      type: 'relationship',
      access: { create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true },
      relationTo: 'sites',
    },
    {
      name: 'approval',
      type: 'ui',
      admin: { components: { Field: '/plugins/sites/admin/ApproveArtistButton#ApproveArtistButton' }, position: 'sidebar' },
    },
  ],
  hooks: { beforeChange: [refuseApprovalByEdit], beforeDelete: [deleteArtistSites] },
}
