// Which studio a custom hostname serves, cached in process for a few seconds: Caddy asks on every new
// TLS handshake and the custom-host routing on every request, so a database round trip each time is too much.
import type { Payload } from 'payload'

import type { Pool } from 'pg'

import { hostOfHeader, normaliseHostname } from './hostname'
import { domainsOptions } from './options'

export type HostTenant = { hostname: string; tenant: number }

/** Short enough that another instance's change shows within seconds (each instance has its own cache). */
export const HOST_CACHE_TTL_MS = 5_000
/** Bounded: unknown hostnames are cached too, and anyone can make Caddy ask for any number of them. */
export const HOST_CACHE_MAX_ENTRIES = 10_000

type Entry = { expiresAt: number; value: HostTenant | null }
type HostCache = { entries: Map<string, Entry>; generation: number }

// One cache per Payload instance, so that apps booted side by side (tests, benchmarks) never share entries.
const caches = new WeakMap<Payload, HostCache>()

const cacheOf = (payload: Payload): HostCache => {
  let cache = caches.get(payload)
  if (!cache) {
    cache = { entries: new Map(), generation: 0 }
    caches.set(payload, cache)
  }
  return cache
}

function remember(cache: HostCache, hostname: string, value: HostTenant | null): void {
  cache.entries.delete(hostname)
  // A Map iterates in insertion order: the first key is the oldest entry.
  if (cache.entries.size >= HOST_CACHE_MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!)
  cache.entries.set(hostname, { expiresAt: Date.now() + HOST_CACHE_TTL_MS, value })
}

/**
 * The studio a hostname (or a Host header, port and all) serves, when its domain is verified or active; null
 * for anything else, malformed input and the platform's own hosts included. Answers from the cache when it can.
 */
export async function tenantForHost(payload: Payload, host: string): Promise<HostTenant | null> {
  const verdict = normaliseHostname(hostOfHeader(host), domainsOptions(payload).platformHost)
  if (!verdict.ok) return null
  const { hostname } = verdict
  const cache = cacheOf(payload)
  const cached = cache.entries.get(hostname)
  if (cached && cached.expiresAt > Date.now()) return cached.value
  const generation = cache.generation
  // A named statement: PostgreSQL parses and plans it once per connection, not on every ask.
  const { rows } = await (payload.db as unknown as { pool: Pool }).pool.query<{ tenant_id: number }>({
    name: 'atelier_tenant_for_host',
    text: "select tenant_id from domains where hostname = $1 and status in ('verified', 'active') and tenant_id is not null",
    values: [hostname],
  })
  const value = rows[0] ? { hostname, tenant: rows[0].tenant_id } : null
  // A change committed while we read may have been forgotten already: storing what we read would undo that.
  if (cache.generation === generation) remember(cache, hostname, value)
  return value
}

/** Drops what is cached for a hostname (as stored), so that the next lookup reads the database. */
export function forgetHost(payload: Payload, hostname: null | string | undefined): void {
  const cache = cacheOf(payload)
  cache.generation += 1
  if (hostname) cache.entries.delete(hostname)
}
