import type { Deployer } from './services/deployers'

export type SitesPluginOptions = {
  /** Refuse nothing for being local or private: development and tests only. */
  allowPrivate: boolean
  /** Domain suffixes sites may be hosted under. */
  allowedDomains: string[]
  deployer: Deployer
  /** `host:port` of the DNS server used for SSRF checks; the system resolver when unset. */
  dnsServer?: string
  enabled?: boolean
  /** Hosts that may register over plain http. */
  httpHosts: string[]
  /** How long a replaced key keeps working. */
  keyGraceSeconds: number
  keyPush: { attempts: number; backoffMs: number }
  /** Secret material: the pepper and the seal key are derived from it. */
  payloadSecret: string
  /** What deployed sites call back, e.g. https://atelier.example.com. */
  platformUrl: string
  /** Registrations per IP per minute. */
  registerRateLimit: number
  /** Sites not heard from for this many days turn `inactive`. */
  staleDays: number
}
