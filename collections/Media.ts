import type { CollectionConfig } from 'payload'

import { can } from '../plugins/rbac'

export const mediaCollection = (staticDir: string): CollectionConfig => ({
  slug: 'media',
  access: {
    create: can('media', 'create'),
    delete: can('media', 'delete'),
    read: can('media', 'read'),
    update: can('media', 'update'),
  },
  custom: { tenantScoped: true },
  fields: [{ name: 'alt', type: 'text', localized: true }],
  upload: {
    mimeTypes: ['image/*', 'application/pdf'],
    // Out of git by default (.data/media); production mounts a volume there or adds a storage adapter.
    staticDir,
  },
})
