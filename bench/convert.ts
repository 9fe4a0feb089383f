// Currency conversion with rates cached in process: POST /api/currencies/convert through the real route
// handler (called in process, no HTTP server), and `convertAmount` alone, over a year of stored history.
// Series: the newest rates; a past date (the closest earlier day's rates); and the first call after a
// refresh-style invalidation (the cache miss, one query); beside them, Payload's route handler answering a
// signed-out 401, the floor under any endpoint.
// Run: npx tsx bench/convert.ts   (uses DATABASE_URL's server when set, else an embedded one)
import { benchDatabase } from './database'

const SAMPLES = 5_000
const HISTORY_DAYS = 365
const CLIENTS = 50 // addresses the samples come from: the public limit (600 a minute each) never answers 429

const database = await benchDatabase()
Object.assign(process.env, {
  ATELIER_LOG_LEVEL: 'warn',
  ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml',
  ATELIER_TRUSTED_PROXIES: '1',
  DATABASE_URL: database.url,
})
const { bootPayload } = await import('./boot')
const { sql } = await import('@payloadcms/db-postgres')
const { convertAmount } = await import('../plugins/currency')
const { forgetRates } = await import('../plugins/currency/services/rateCache')
const { payload, rest } = await bootPayload()

// A year of weekday rates for every active currency, each a decimal with up to 4 places.
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
await db.execute(sql`insert into exchange_rates (date, currency, rate, provider, created_at, updated_at)
  select to_char(current_date - day, 'YYYY-MM-DD'), code, round((0.5 + random() * 150)::numeric, 4), 'ecb', now(), now()
  from generate_series(0, ${HISTORY_DAYS - 1}) as day, currencies
  where active and code <> 'EUR' and extract(isodow from current_date - day) < 6
  on conflict do nothing`)
const codes = (await db.execute(sql`select code from currencies where active order by code`)).rows.map((row) => String(row.code))
const pastDate = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10)

const pair = (index: number) => ({ from: codes[index % codes.length]!, to: codes[(index * 7 + 3) % codes.length]! })
const convertOverHttp = async (index: number, date?: string) => {
  const response = await rest.post('/currencies/convert', { amount: 1 + index * 997, ...pair(index), ...(date ? { date } : {}) }, { headers: { 'X-Forwarded-For': `10.0.0.${index % CLIENTS}` } })
  const body = (await response.json()) as { amount?: number }
  if (response.status !== 200 || typeof body.amount !== 'number') throw new Error(`convert answered ${response.status}: ${JSON.stringify(body)}`)
}
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(3)), p99: Number(percentile(values, 99).toFixed(3)), samples: values.length })

for (let index = 0; index < 500; index++) await convertOverHttp(index) // warm-up

// The floor under any endpoint: Payload's route handler answering 401 with no query (GET /api/user/currency, signed out).
const floor = async () => {
  const response = await rest.get('/user/currency')
  await response.arrayBuffer()
  if (response.status !== 401) throw new Error(`user/currency answered ${response.status}`)
}
const baseline: number[] = []
const latest: number[] = []
const past: number[] = []
const service: number[] = []
for (let index = 0; index < SAMPLES; index++) {
  baseline.push(await timed(floor))
  latest.push(await timed(() => convertOverHttp(index)))
  past.push(await timed(() => convertOverHttp(index, pastDate)))
  service.push(await timed(() => convertAmount(payload, { amount: 1 + index * 997, ...pair(index) })))
}
const afterInvalidation: number[] = []
for (let index = 0; index < 200; index++) {
  forgetRates()
  afterInvalidation.push(await timed(() => convertOverHttp(index)))
}

console.log(
  JSON.stringify(
    {
      convertAmountMs: figures(service),
      currencies: codes.length,
      historyDays: HISTORY_DAYS,
      routeHandlerMs: { afterInvalidation: figures(afterInvalidation), baseline401: figures(baseline), latest: figures(latest), pastDate: figures(past) },
    },
    null,
    1,
  ),
)
await payload.destroy()
await database.drop()
process.exit(0)
