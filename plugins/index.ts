// Atelier's capabilities, in dependency order. The audit log and integrity come after every plugin that
// adds collections, so that they hook them all; tenancy comes after them: it scopes every collection
// marked `custom: { tenantScoped: true }`. Payload adds its internal collections (jobs, locks,
// preferences) after every plugin, so the plugin setting their access adds no collection and can sit
// anywhere.
import type { Plugin } from 'payload'

import { loadEnv } from '../utilities/env'

import { auditLogPlugin } from './audit-log'
import { bookingOptionsFromEnv, bookingPlugin } from './booking'
import { integrityPlugin } from './integrity'
import { internalCollectionsPlugin } from './internal-collections'
import { paymentsOptionsFromEnv, paymentsPlugin } from './payments'
import { rbacPlugin } from './rbac'
import { sitesOptionsFromEnv, sitesPlugin } from './sites'
import { tenancyPlugin } from './tenancy'

export const plugins: Plugin[] = [
  rbacPlugin({ capabilities: { reports: ['read', 'export'] } }),
  sitesPlugin(sitesOptionsFromEnv(loadEnv())),
  bookingPlugin(bookingOptionsFromEnv(loadEnv())),
  paymentsPlugin(paymentsOptionsFromEnv(loadEnv())),
  auditLogPlugin(),
  integrityPlugin(),
  tenancyPlugin(),
  internalCollectionsPlugin({ jobsSecret: loadEnv().ATELIER_JOBS_SECRET }),
]
