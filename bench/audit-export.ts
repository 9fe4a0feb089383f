// Peak RSS growth while streaming a 100,000-row audit CSV export through the real route handler.
// Run: npx tsx bench/audit-export.ts   (uses DATABASE_URL's server when set, else an embedded one)
import { benchDatabase } from './database'

const ROWS = 100_000
const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { seedAuditRows } = await import('../tests/helpers/seedAuditRows')
const { payload, rest } = await bootPayload()

const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', defaultCurrency: 'EUR', defaultLocale: 'en', slug: 'bench', status: 'active', timezone: 'UTC' } })
const owner = await payload.create({ collection: 'users', data: { email: 'bench@atelier.test', password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
await seedAuditRows(payload, { count: ROWS, tenantId: tenant.id })
const token = await rest.login(owner.email, 'bench-password')

/** Runs `work` while sampling RSS and heap every 20 ms; returns the peak growth over the start. */
async function measure<T>(work: () => Promise<T>) {
  global.gc?.()
  const start = process.memoryUsage()
  let peakRss = start.rss
  let peakHeap = start.heapUsed
  const sample = () => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }
  const sampler = setInterval(sample, 20)
  const result = await work()
  sample()
  clearInterval(sampler)
  return { heapGrowth: peakHeap - start.heapUsed, result, rssGrowth: peakRss - start.rss, startRss: start.rss }
}
const mb = (value: number) => Number((value / 1024 / 1024).toFixed(1))

const started = performance.now()
const streamed = await measure(async () => {
  const response = await rest.get('/audit-logs/export', { token })
  let bytes = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength
  return { bytes, status: response.status }
})
const seconds = (performance.now() - started) / 1000

// Control: the same rows loaded at once, to show the sampler does see growth when there is some.
const loadedAtOnce = await measure(async () => {
  const { docs } = await payload.find({ collection: 'audit-logs', depth: 0, pagination: false, where: { tenant: { equals: tenant.id } } })
  return docs.length
})

console.log(
  JSON.stringify({
    rows: ROWS,
    streamedExport: {
      csvMb: mb(streamed.result.bytes),
      heapGrowthMb: mb(streamed.heapGrowth),
      rssGrowthMb: mb(streamed.rssGrowth),
      seconds: Number(seconds.toFixed(2)),
      startRssMb: mb(streamed.startRss),
      status: streamed.result.status,
    },
    controlLoadAllAtOnce: { heapGrowthMb: mb(loadedAtOnce.heapGrowth), rows: loadedAtOnce.result, rssGrowthMb: mb(loadedAtOnce.rssGrowth) },
  }),
)
await payload.destroy()
await database.drop()
process.exit(0)
