import type { CollectionConfig } from 'payload'

import { isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { nobody } from '../../../access/nobody'

export const SIGNUP_REQUESTS_SLUG = 'signup-requests'

/**
 * One row per accepted signup, fresh or for an address that already has an account: it holds the slug
 * either way, so that neither the answer nor a later slug check tells the two apart, and it is what the
 * per-domain limit counts. `tenant` is empty for an address that already had an account. No email is kept.
 */
export const SignupRequests: CollectionConfig = {
  slug: SIGNUP_REQUESTS_SLUG,
  access: { create: nobody, delete: nobody, read: isSuperAdminAccess, update: nobody },
  admin: { defaultColumns: ['slug', 'emailDomain', 'tenant', 'verifiedAt', 'createdAt'], group: 'Platform', useAsTitle: 'slug' },
  fields: [
    { name: 'slug', type: 'text', index: true, required: true, unique: true },
    { name: 'emailDomain', type: 'text', index: true, required: true },
    { name: 'tenant', type: 'relationship', relationTo: 'tenants' },
    { name: 'verifiedAt', type: 'date', index: true },
  ],
}
