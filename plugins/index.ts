// Atelier's capabilities, in dependency order. Tenancy comes last: it scopes every collection the
// plugins before it added with `custom: { tenantScoped: true }`.
import type { Plugin } from 'payload'

import { rbacPlugin } from './rbac'
import { tenancyPlugin } from './tenancy'

export const plugins: Plugin[] = [
  rbacPlugin({ capabilities: { audit: ['read', 'export', 'delete'], reports: ['read', 'export'] } }),
  tenancyPlugin(),
]
