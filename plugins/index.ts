// Atelier's capabilities, in dependency order. Tenancy comes last: it scopes every collection the
// plugins before it added with `custom: { tenantScoped: true }`.
import type { Plugin } from 'payload'

import { tenancyPlugin } from './tenancy'

export const plugins: Plugin[] = [tenancyPlugin()]
