import type { CollectionConfig } from 'payload'

import { tenantMembersWithRole } from '../access/tenantMembersWithRole'

const CONTENT_EDITORS = ['owner', 'admin', 'staff', 'editor'] as const

export const Media: CollectionConfig = {
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
    // Kept beside the embedded database, out of git; production mounts a volume or a storage adapter here.
    staticDir: process.env.ATELIER_MEDIA_DIR ?? '.data/media',
  },
}
