// A studio's own hostnames. The hostname is unique across studios; everything else is written by the server:
// the claim (hooks/claimHostname.ts), the DNS proof and the doctor's checks (endpoints), the jobs.
import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../../access/nobody'
import { can } from '../../rbac'
import { claimHostname } from '../hooks/claimHostname'

export const DOMAIN_STATUSES = ['pending', 'verified', 'active', 'failed'] as const

const serverWritten = { create: nobody, update: nobody }
const serverField = (field: Field): Field => ({ ...field, access: serverWritten, admin: { ...field.admin, readOnly: true } }) as Field

export const Domains: CollectionConfig = {
  slug: 'domains',
  access: { create: can('domains', 'create'), delete: can('domains', 'delete'), read: can('domains', 'read'), update: can('domains', 'update') },
  admin: { defaultColumns: ['hostname', 'status', 'primary', 'lastCheckedAt'], group: 'Studio', useAsTitle: 'hostname' },
  custom: { rbacActions: ['verify'], tenantScoped: true },
  fields: [
    { name: 'hostname', type: 'text', admin: { description: 'e.g. book.your-studio.com' }, maxLength: 260, required: true, unique: true },
    serverField({ name: 'status', type: 'select', defaultValue: 'pending', index: true, options: [...DOMAIN_STATUSES], required: true }),
    serverField({
      name: 'verificationToken',
      type: 'text',
      admin: { description: 'Publish it as the TXT record _atelier-challenge.<hostname>. Not a secret: it only proves who controls the DNS.' },
    }),
    serverField({ name: 'primary', type: 'checkbox', defaultValue: false }),
    serverField({ name: 'claimedAt', type: 'date' }),
    serverField({ name: 'lastCheckedAt', type: 'date' }),
    serverField({ name: 'failingSince', type: 'date', admin: { description: 'Records missing since; failed after 72 hours.' } }),
    serverField({ name: 'failedAt', type: 'date', admin: { description: 'The claim is released 14 days after.' } }),
    serverField({ name: 'checks', type: 'json', admin: { description: 'The last result of each check.' } }),
  ],
  hooks: { beforeChange: [claimHostname] },
}
