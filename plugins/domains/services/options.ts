import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { DomainsPluginOptions } from '../types'

export const DOMAINS_OPTIONS_KEY = 'atelierDomains'

type OptionalAddresses = 'dnsServer' | 'tlsProbeAddress'

export type ResolvedDomainsOptions = Pick<DomainsPluginOptions, OptionalAddresses> & Required<Omit<DomainsPluginOptions, 'enabled' | OptionalAddresses>>

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

export const domainsOptionsFromEnv = (env: AtelierEnv): DomainsPluginOptions => ({
  cnameTarget: env.ATELIER_CNAME_TARGET,
  dnsServer: env.ATELIER_DNS_SERVER,
  edgeIps: list(env.ATELIER_EDGE_IPS),
  platformHost: new URL(env.ATELIER_PUBLIC_URL).hostname,
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/$/, ''),
  tlsAskRateLimit: env.ATELIER_TLS_ASK_RATE_LIMIT,
  tlsCaDomain: env.ATELIER_TLS_CA_DOMAIN,
  tlsProbeAddress: env.ATELIER_TLS_PROBE_ADDRESS,
})

export const resolveDomainsOptions = (options: DomainsPluginOptions): ResolvedDomainsOptions => ({
  cnameTarget: (options.cnameTarget ?? `edge.${options.platformHost}`).toLowerCase().replace(/\.$/, ''),
  dnsServer: options.dnsServer || undefined,
  edgeIps: options.edgeIps ?? [],
  failAfterHours: options.failAfterHours ?? 72,
  pendingClaimDays: options.pendingClaimDays ?? 7,
  platformHost: options.platformHost,
  publicUrl: options.publicUrl ?? `https://${options.platformHost}`,
  releaseAfterDays: options.releaseAfterDays ?? 14,
  tlsAskRateLimit: options.tlsAskRateLimit ?? 600,
  tlsCaDomain: (options.tlsCaDomain ?? 'letsencrypt.org').toLowerCase(),
  tlsProbeAddress: options.tlsProbeAddress || undefined,
})

export const domainsOptions = (payload: Payload): ResolvedDomainsOptions => payload.config.custom[DOMAINS_OPTIONS_KEY] as ResolvedDomainsOptions
