// Atelier's capabilities, in dependency order. The audit log and integrity come after every plugin that
// adds collections, so that they hook them all; tenancy comes after them: it scopes every collection
// marked `custom: { tenantScoped: true }`. Payload adds its internal collections (jobs, locks,
// preferences) after every plugin, so the plugin setting their access adds no collection and can sit
// anywhere. Workers come last: they see every plugin's autoRun entry.
import type { Plugin } from 'payload'

import type { AtelierEnv } from '../utilities/env'

import { aiChatOptionsFromEnv, aiChatPlugin } from './ai-chat'
import { auditLogPlugin } from './audit-log'
import { billingOptionsFromEnv, billingPlugin } from './billing'
import { bookingOptionsFromEnv, bookingPlugin } from './booking'
import { currencyOptionsFromEnv, currencyPlugin } from './currency'
import { dashboardPlugin } from './dashboard'
import { i18nPlugin } from './i18n'
import { domainsOptionsFromEnv, domainsPlugin } from './domains'
import { integrityPlugin } from './integrity'
import { internalCollectionsPlugin } from './internal-collections'
import { listCountsPlugin } from './list-counts'
import { paymentsOptionsFromEnv, paymentsPlugin } from './payments'
import { rbacPlugin } from './rbac'
import { reportsPlugin } from './reports'
import { signupOptionsFromEnv, signupPlugin } from './signup'
import { sitesOptionsFromEnv, sitesPlugin } from './sites'
import { tenancyPlugin } from './tenancy'
import { themesPlugin } from './themes'
import { workersPlugin } from './workers'

/** The plugins with their options from `env`, the environment the config was built with. */
export const atelierPlugins = (env: AtelierEnv): Plugin[] => [
  rbacPlugin(),
  sitesPlugin(sitesOptionsFromEnv(env)),
  bookingPlugin(bookingOptionsFromEnv(env)),
  paymentsPlugin(paymentsOptionsFromEnv(env)),
  signupPlugin(signupOptionsFromEnv(env)),
  billingPlugin(billingOptionsFromEnv(env)),
  domainsPlugin(domainsOptionsFromEnv(env)),
  currencyPlugin(currencyOptionsFromEnv(env)),
  themesPlugin(),
  i18nPlugin(),
  dashboardPlugin({ feedRateLimit: env.ATELIER_PUBLIC_RATE_LIMIT }),
  reportsPlugin(),
  aiChatPlugin(aiChatOptionsFromEnv(env)),
  listCountsPlugin(),
  auditLogPlugin(),
  integrityPlugin(),
  tenancyPlugin(),
  internalCollectionsPlugin({ jobsSecret: env.ATELIER_JOBS_SECRET }),
  workersPlugin({ role: env.ATELIER_ROLE }),
]
