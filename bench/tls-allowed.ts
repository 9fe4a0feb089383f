// Caddy's `ask` (GET /api/domains/tls-allowed) on 10,000 domains across 100 studios: latency through the
// real route handler (called in process, no HTTP server) for a lookup that misses the cache and for the same
// lookup repeated at once (a hit), for known and unknown hostnames; and the lookup alone (`tenantForHost`).
// Run: npx tsx bench/tls-allowed.ts   (uses DATABASE_URL's server when set, else an embedded one)
import { benchDatabase } from './database'

const TENANTS = 100
const DOMAINS = 10_000
const SAMPLES = 2_000 // hostnames asked, half known (verified or active), half unknown

const database = await benchDatabase()
Object.assign(process.env, {
  ATELIER_LOG_LEVEL: 'warn',
  ATELIER_PUBLIC_URL: 'https://atelier.example.com',
  ATELIER_TLS_ASK_RATE_LIMIT: '1000000000',
  DATABASE_URL: database.url,
})
const { bootPayload } = await import('./boot')
const { sql } = await import('@payloadcms/db-postgres')
const { tenantForHost } = await import('../plugins/domains')
const { payload, rest } = await bootPayload()

const tenantIds: number[] = []
for (let index = 0; index < TENANTS; index++) {
  const tenant = await payload.create({
    collection: 'tenants',
    data: { name: `Bench ${index}`, defaultCurrency: 'EUR', defaultLocale: 'en', slug: `bench-${index}`, status: 'active', timezone: 'UTC' },
  })
  tenantIds.push(tenant.id)
}
// Statuses in turn: active, verified, pending, failed. Raw SQL: the claim hook's per-row cost is not measured here.
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<unknown> }
await db.execute(sql`insert into domains (tenant_id, hostname, status, verification_token, claimed_at)
  select (${sql.raw(`array[${tenantIds.join(',')}]`)})[1 + n % ${TENANTS}], 'host-' || n || '.bench.example',
    (array['active', 'verified', 'pending', 'failed'])[1 + n % 4]::enum_domains_status, md5(n::text), now()
  from generate_series(0, ${DOMAINS - 1}) as n`)

// Known: statuses active and verified (n % 4 < 2); unknown: never stored.
const known = Array.from({ length: SAMPLES / 2 }, (_, index) => `host-${index * 4 + (index % 2)}.bench.example`)
const unknown = Array.from({ length: SAMPLES / 2 }, (_, index) => `nobody-${index}.bench.example`)

const ask = async (domain: string) => {
  const response = await rest.get(`/domains/tls-allowed?domain=${encodeURIComponent(domain)}`)
  await response.arrayBuffer()
  return response.status
}
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  const result = await work()
  return { ms: performance.now() - started, result }
}

// Warm-up on hostnames outside the samples.
for (let index = 0; index < 1_000; index++) await ask(`warm-${index}.bench.example`)

type Series = { hit: number[]; miss: number[] }
const series = () => ({ hit: [], miss: [] }) as Series
const handler = { known: series(), unknown: series() }
const lookup = { known: series(), unknown: series() }
// Each hostname asked twice in a row: the first misses the cache, the second (well inside its 5 s) hits.
for (const [kind, hostnames, expected] of [['known', known, 200], ['unknown', unknown, 404]] as const) {
  for (const hostname of hostnames) {
    const miss = await timed(() => ask(hostname))
    const hit = await timed(() => ask(hostname))
    if (miss.result !== expected || hit.result !== expected) throw new Error(`${hostname}: ${miss.result}/${hit.result}, expected ${expected}`)
    handler[kind].miss.push(miss.ms)
    handler[kind].hit.push(hit.ms)
  }
}
// The lookup alone, on hostnames the handler has not seen (an offset of 2 × SAMPLES keeps n % 4, so the same statuses).
const unseenKnown = Array.from({ length: SAMPLES / 2 }, (_, index) => `host-${2 * SAMPLES + index * 4 + (index % 2)}.bench.example`)
for (const [kind, hostnames] of [['known', unseenKnown], ['unknown', unknown.map((hostname) => `x${hostname}`)]] as const) {
  for (const hostname of hostnames) {
    const miss = await timed(() => tenantForHost(payload, hostname))
    const hit = await timed(() => tenantForHost(payload, hostname))
    if ((miss.result === null) !== (kind === 'unknown') || (hit.result === null) !== (kind === 'unknown')) throw new Error(`${hostname}: unexpected lookup`)
    lookup[kind].miss.push(miss.ms)
    lookup[kind].hit.push(hit.ms)
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(3)), p99: Number(percentile(values, 99).toFixed(3)) })
const report = (set: { known: Series; unknown: Series }) => ({
  knownHit: figures(set.known.hit),
  knownMiss: figures(set.known.miss),
  unknownHit: figures(set.unknown.hit),
  unknownMiss: figures(set.unknown.miss),
})
console.log(JSON.stringify({ domains: DOMAINS, routeHandlerMs: report(handler), samplesPerSeries: SAMPLES / 2, tenantForHostMs: report(lookup), tenants: TENANTS }, null, 1))
await payload.destroy()
await database.drop()
process.exit(0)
