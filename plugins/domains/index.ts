// Domains: a studio's own hostnames. Claims (unique across studios, a lapsed pending claim taken over), the DNS
// proof, the domain doctor, Caddy's `ask` endpoint, the daily re-verification, and (through booking's
// studio-hosts seam) the public pages and API on a studio's own host. List it after billing
// (its plan limits custom domains) and before the audit log and tenancy.
import type { Config } from 'payload'

import type { DomainsPluginOptions } from './types'

import { registerStudioHosts } from '../booking'
import { Domains } from './collections/Domains'
import { setPrimaryEndpoint } from './endpoints/setPrimary'
import { statusEndpoint } from './endpoints/status'
import { tlsAllowedEndpoint } from './endpoints/tlsAllowed'
import { verifyEndpoint } from './endpoints/verify'
import { forgetHostOnChange } from './hooks/forgetHostOnChange'
import { forgetHostOnDelete } from './hooks/forgetHostOnDelete'
import { recheckDomainsTask } from './jobs/recheckDomains'
import { tenantForHost } from './services/hostCache'
import { DOMAINS_OPTIONS_KEY, resolveDomainsOptions } from './services/options'
import { primaryHostOf } from './services/primaryHost'

export { domainsOptionsFromEnv } from './services/options'
export { tenantForHost } from './services/hostCache'
export type { HostTenant } from './services/hostCache'
export { hostOfHeader, normaliseHostname } from './services/hostname'
export { primaryHostOf } from './services/primaryHost'
export type { DomainsPluginOptions } from './types'

export const domainsPlugin =
  (options: DomainsPluginOptions) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const withHosts = registerStudioHosts(config, {
      primaryHostOf,
      tenantForHost: async (payload, host) => (await tenantForHost(payload, host))?.tenant ?? null,
    })
    return {
      ...withHosts,
      collections: [
        ...(config.collections ?? []),
        {
          ...Domains,
          endpoints: [
            ...(Domains.endpoints || []),
            tlsAllowedEndpoint({ rateLimit: resolveDomainsOptions(options).tlsAskRateLimit }),
            setPrimaryEndpoint,
            verifyEndpoint,
            statusEndpoint,
          ],
          hooks: {
            ...Domains.hooks,
            afterChange: [...(Domains.hooks?.afterChange ?? []), forgetHostOnChange],
            afterDelete: [...(Domains.hooks?.afterDelete ?? []), forgetHostOnDelete],
          },
        },
      ],
      custom: { ...withHosts.custom, [DOMAINS_OPTIONS_KEY]: resolveDomainsOptions(options) },
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), recheckDomainsTask] },
    }
  }
