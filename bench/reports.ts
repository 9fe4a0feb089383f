// Reports at scale, through the real route handlers (in process): 1,000,000 bookings in one studio and
// 1,000,000 in another (to prove the scoping), a payment for every other booking and a refund for every
// twentieth payment. Times "revenue by month" over the whole history and over its default 12 months,
// cancellations by month, and a count by month of the million; the peak RSS growth of an XLSX export of
// 100,000 rows; the time and pages of a PDF of 10,000 rows.
// Run: npx tsx bench/reports.ts   (uses DATABASE_URL's server when set, else an embedded one)
// BENCH_EXPLAIN=1 also prints each predefined template's plan (EXPLAIN ANALYZE), as docs/reports.md shows.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { benchDatabase } from './database'

const BOOKINGS = 1_000_000
const ROOMS = 3
const CALLS = 10
const XLSX_ROWS = 100_000
const PDF_ROWS = 10_000

const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { sql } = await import('@payloadcms/db-postgres')
const { compileReport } = await import('../plugins/reports/services/compile')
const { SOURCES } = await import('../plugins/reports/services/sources')
const { PREDEFINED_TEMPLATES } = await import('../plugins/reports/services/templates')
const { REPORT_WORK_MEM } = await import('../plugins/reports/services/run')
const { payload, rest } = await bootPayload()
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
async function studio(slug: string) {
  const tenant = await payload.create({ collection: 'tenants', data: { name: slug, defaultCurrency: 'EUR', defaultLocale: 'en', slug, status: 'active', timezone: 'Europe/Paris' } })
  const roomIds: number[] = []
  for (let index = 0; index < ROOMS; index++) {
    const room = await payload.create({
      collection: 'rooms',
      data: {
        active: true, bufferMinutes: 0, capacity: 2, hourlyRate: 3000, leadTimeMinutes: 0, maxMinutes: 240, minMinutes: 30, name: `Room ${index + 1}`,
        openingHours: everyDay.map((weekday) => ({ closes: '22:00', opens: '08:00', weekday })), slotStepMinutes: 30, slug: `room-${index + 1}`, tenant: tenant.id,
      },
    })
    roomIds.push(room.id)
  }
  // Booking n in room n % 3, in hour n / 3 counted back from next week: ~38 years of history.
  await db.execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, amount_paid, currency, created_at)
    select ${tenant.id}, ${slug} || n, (${sql.raw(`array[${roomIds.join(',')}]`)})[1 + n % ${ROOMS}], 'Guest ' || n % 5000, 'guest' || n % 5000 || '@example.com',
      date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour',
      date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour' + interval '50 minutes',
      date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour' + interval '50 minutes',
      (case when n < 600 then 'pending' when n % 10 = 0 then 'cancelled' when n % 10 = 1 then 'expired' else 'completed' end)::enum_bookings_status,
      'public'::enum_bookings_source, 3000, 900, case when n % 2 = 0 then 900 else 0 end, 'EUR',
      date_trunc('hour', now()) - (n / ${ROOMS}) * interval '1 hour'
    from generate_series(0, ${BOOKINGS - 1}) as n`)
  await db.execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at)
    select tenant_id, id, 'cs_' || id, 900, 'EUR', 'paid', start - interval '2 days' from bookings where tenant_id = ${tenant.id} and id % 2 = 0`)
  await db.execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at)
    select tenant_id, id, booking_id, 'refund-' || id, 450, 'EUR', 'cancellation', 'succeeded', paid_at + interval '1 day' from payments where tenant_id = ${tenant.id} and id % 20 = 0`)
  const email = `owner@${slug}.test`
  await payload.create({ collection: 'users', data: { email, password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
  return { id: tenant.id, name: tenant.name, timezone: tenant.timezone ?? 'UTC', token: await rest.login(email, 'bench-password') }
}

const seedStarted = performance.now()
const studioA = await studio('bench')
await studio('neighbour')
await db.execute(sql`analyze`)
const seedSeconds = (performance.now() - seedStarted) / 1000

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(1)), p99: Number(percentile(values, 99).toFixed(1)) })
const mb = (value: number) => Number((value / 1024 / 1024).toFixed(1))
const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`
const wholeHistory = { from: '1980-01-01', to: nextYear }

async function timed(label: string, call: () => Promise<Response>, check?: (body: { rows: Record<string, unknown>[] }) => void) {
  const times: number[] = []
  for (let index = 0; index < CALLS + 1; index++) {
    const started = performance.now()
    const response = await call()
    const body = (await response.json()) as { rows: Record<string, unknown>[] }
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`)
    if (index > 0) times.push(performance.now() - started) // the first warms the caches
    if (index === 0) check?.(body)
  }
  return figures(times)
}
const build = (spec: Record<string, unknown>) => () => rest.post('/reports/build', { ...spec, tenant: studioA.id }, { token: studioA.token })
const template = (key: string, query = '') => () => rest.get(`/reports/templates/${key}/build?tenant=${studioA.id}${query}`, { token: studioA.token })

const revenueAllTime = await timed('revenue, whole history', template('revenue-by-month', `&from=${wholeHistory.from}&to=${wholeHistory.to}`), (body) => {
  // Scoping: every payment counted is the studio's own (500,000 of 900 each, minus its refunds).
  const deposits = body.rows.reduce((sum, row) => sum + Number(row.deposits), 0)
  if (deposits !== (BOOKINGS / 2) * 900) throw new Error(`revenue counted ${deposits}, expected ${(BOOKINGS / 2) * 900}`)
})
const revenueYear = await timed('revenue, 12 months', template('revenue-by-month'))
const cancellations = await timed('cancellations, whole history', template('cancellations-by-month', `&from=${wholeHistory.from}&to=${wholeHistory.to}`))
const countByMonth = await timed('bookings by month', build({ groupBy: [{ bucket: 'month', field: 'start' }], source: 'bookings' }), (body) => {
  const total = body.rows.reduce((sum, row) => sum + Number(row.count), 0)
  if (total !== BOOKINGS) throw new Error(`counted ${total} bookings, expected ${BOOKINGS}: the other studio leaked in`)
})
const occupancy = await timed('occupancy, 12 weeks', template('occupancy-by-room-week'))

/** Runs `work` while sampling RSS every 20 ms; returns the peak growth over the start. */
async function measure<T>(work: () => Promise<T>) {
  global.gc?.()
  const start = process.memoryUsage().rss
  let peak = start
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const result = await work()
  clearInterval(sampler)
  return { result, rssGrowth: Math.max(peak, process.memoryUsage().rss) - start }
}
async function download(spec: Record<string, unknown>, format: string) {
  const started = performance.now()
  const response = await rest.post(`/reports/build?format=${format}`, { ...spec, tenant: studioA.id }, { token: studioA.token })
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength
    if (format === 'pdf') chunks.push(Buffer.from(chunk))
  }
  return { bytes, pdf: format === 'pdf' ? Buffer.concat(chunks) : null, seconds: (performance.now() - started) / 1000, status: response.status }
}
const listing = { fields: ['ref', 'start', 'room', 'status', 'customerName', 'price', 'amountPaid'], sort: [{ direction: 'desc', key: 'start' }] }
const xlsx = await measure(() => download({ ...listing, limit: XLSX_ROWS, source: 'bookings' }, 'xlsx'))
const pdf = await download({ ...listing, limit: PDF_ROWS, source: 'bookings' }, 'pdf')
const pdfFile = path.join(os.tmpdir(), `atelier-bench-${process.pid}.pdf`)
writeFileSync(pdfFile, pdf.pdf!)
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1])

if (process.env.BENCH_EXPLAIN) {
  for (const predefined of PREDEFINED_TEMPLATES) {
    const spec = { ...predefined.spec, period: predefined.key.startsWith('occupancy') ? { from: '2026-09-07', to: '2026-11-30' } : wholeHistory }
    const compiled = compileReport(spec as never, { personal: true, source: SOURCES[spec.source]!, tenant: studioA })
    // As the reports run it: in a transaction with the reports' work_mem.
    const plan = await (db as unknown as { transaction: <T>(work: (tx: typeof db) => Promise<T>) => Promise<T> }).transaction(async (tx) => {
      await tx.execute(sql.raw(REPORT_WORK_MEM))
      return tx.execute(sql`explain (analyze, costs off, timing off) ${compiled.query}`)
    })
    console.log(`\n-- ${predefined.key}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`)
  }
}

console.log(
  JSON.stringify(
    {
      bookingsPerStudio: BOOKINGS,
      callsEach: CALLS,
      jsonMs: { bookingsCountByMonth: countByMonth, cancellationsWholeHistory: cancellations, occupancy12Weeks: occupancy, revenueByMonth12Months: revenueYear, revenueByMonthWholeHistory: revenueAllTime },
      pdf: { bytes: pdf.bytes, pages, rows: PDF_ROWS, seconds: Number(pdf.seconds.toFixed(2)), status: pdf.status },
      seedSeconds: Math.round(seedSeconds),
      xlsx: { mb: mb(xlsx.result.bytes), rows: XLSX_ROWS, rssGrowthMb: mb(xlsx.rssGrowth), seconds: Number(xlsx.result.seconds.toFixed(2)), status: xlsx.result.status },
    },
    null,
    1,
  ),
)
await payload.destroy()
await database.drop()
process.exit(0)
