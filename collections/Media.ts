import type { CollectionConfig } from 'payload'

import { tenantMembersWithRole } from '../access/tenantMembersWithRole'

const CONTENT_EDITORS = ['owner', 'admin', 'staff', 'editor'] as const

export const mediaCollection = (staticDir: string): CollectionConfig => ({
  slug: 'media',
  access: {
    create: tenantMembersWithRole(CONTENT_EDITORS),
    delete: tenantMembersWithRole(CONTENT_EDITORS),
    read: tenantMembersWithRole(),
    update: tenantMembersWithRole(CONTENT_EDITORS),
  },
  custom: { tenantScoped: true },
  fields: [{ name: 'alt', type: 'text', localized: true }],
  upload: {
    mimeTypes: ['image/*', 'application/pdf'],
    // Out of git by default (.data/media); production mounts a volume there or adds a storage adapter.
    staticDir,
  },
})
