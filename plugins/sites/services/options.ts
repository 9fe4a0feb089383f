// The plugin's options live in config.custom so endpoints, hooks and jobs read the same ones.
import type { Payload } from 'payload'

import type { SitesPluginOptions } from '../types'
import type { AtelierEnv } from '../../../utilities/env'

import { createDeployer } from './deployers'
import { derivePepper } from '../../../utilities/secrets'
import { createHostResolver, type HostResolver } from './publicAddress'

export const SITES_OPTIONS_KEY = 'atelierSites'

export type ResolvedSitesOptions = SitesPluginOptions & { pepper: Buffer; resolveHost: HostResolver }

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)

export function sitesOptionsFromEnv(env: AtelierEnv): SitesPluginOptions {
  return {
    allowPrivate: env.ATELIER_SITES_ALLOW_PRIVATE,
    allowedDomains: list(env.ATELIER_SITES_ALLOWED_DOMAINS),
    deployer: createDeployer(env),
    dnsServer: env.ATELIER_DNS_SERVER,
    httpHosts: list(env.ATELIER_SITES_HTTP_HOSTS),
    keyGraceSeconds: env.ATELIER_SITES_KEY_GRACE_SECONDS,
    keyPush: { attempts: env.ATELIER_SITES_KEY_PUSH_ATTEMPTS, backoffMs: env.ATELIER_SITES_KEY_PUSH_BACKOFF_MS },
    payloadSecret: env.payloadSecret,
    platformUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
    registerRateLimit: env.ATELIER_SITES_REGISTER_RATE_LIMIT,
    staleDays: env.ATELIER_SITES_STALE_DAYS,
  }
}

export const resolveSitesOptions = (options: SitesPluginOptions): ResolvedSitesOptions => ({
  ...options,
  pepper: derivePepper(options.payloadSecret, 'sites'),
  resolveHost: createHostResolver(options.dnsServer),
})

export const sitesOptions = (payload: Payload): ResolvedSitesOptions => payload.config.custom[SITES_OPTIONS_KEY] as ResolvedSitesOptions
