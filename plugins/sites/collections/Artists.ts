import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'

import { ValidationError } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'

export const ARTIST_STATUSES = ['pending', 'approved', 'rejected'] as const

/** Set by the approval flow; `approved` cannot be reached by a plain edit. */
export const APPROVING = 'atelierApprovingArtist'

const approvalGoesThroughTheEndpoint: CollectionBeforeChangeHook = ({ context, data, originalDoc }) => {
  if (data.status === 'approved' && originalDoc?.status !== 'approved' && !context[APPROVING]) {
    throw new ValidationError({
      collection: 'artists',
      errors: [{ message: 'Approve an artist with the Approve button (POST /api/artists/:id/approve): it also prepares the site.', path: 'status' }],
    })
  }
  return data
}

/** An artist's site goes with the artist, in the same transaction. */
const deleteTheArtistsSites: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'sites', overrideAccess: true, req, where: { artist: { equals: id } } })
}

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
  hooks: { beforeChange: [approvalGoesThroughTheEndpoint], beforeDelete: [deleteTheArtistsSites] },
}
