// The dashboard and the calendar range with 1,000,000 bookings in one studio (three rooms, one booking an
// hour back over 38 years, mixed statuses), a payment for every tenth and a refund for every hundredth:
// GET /api/dashboard through the route handler (in process), uncached (the cache cleared before each call)
// and cached; each aggregate alone; GET /api/calendar/events for one week.
// Run: npx tsx bench/dashboard.ts   (uses DATABASE_URL's server when set, else an embedded one)
// BENCH_EXPLAIN=1 also prints each aggregate's plan (EXPLAIN ANALYZE), to check which indexes serve.
import { benchDatabase } from './database'

const BOOKINGS = 1_000_000
const ROOMS = 3
const CALLS = 40

const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { sql } = await import('@payloadcms/db-postgres')
const { dashboardCache } = await import('../plugins/dashboard/services/dashboardAnswer')
const queries = await import('../plugins/dashboard/services/dashboardQueries')
const { payload, rest } = await bootPayload()
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', defaultCurrency: 'EUR', defaultLocale: 'en', slug: 'bench', status: 'active', timezone: 'Europe/Paris' } })
const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
const roomIds: number[] = []
for (let index = 0; index < ROOMS; index++) {
  const room = await payload.create({
    collection: 'rooms',
    data: {
      active: true,
      bufferMinutes: 0,
      capacity: 2,
      hourlyRate: 3000,
      leadTimeMinutes: 0,
      maxMinutes: 240,
      minMinutes: 30,
      name: `Room ${index + 1}`,
      openingHours: everyDay.map((weekday) => ({ closes: '22:00', opens: '08:00', weekday })),
      slotStepMinutes: 30,
      slug: `room-${index + 1}`,
      tenant: tenant.id,
    },
  })
  roomIds.push(room.id)
}
await payload.create({ collection: 'users', data: { email: 'owner@bench.test', password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
const token = await rest.login('owner@bench.test', 'bench-password')

// Booking n sits in room n % 3, in hour n / 3 counted back from next week: 50 minutes each, never overlapping.
const seedStarted = performance.now()
await db.execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency)
  select ${tenant.id}, 'BENCH' || n, (${sql.raw(`array[${roomIds.join(',')}]`)})[1 + n % ${ROOMS}], 'Guest ' || n, 'guest' || n % 5000 || '@example.com',
    date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour',
    date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour' + interval '50 minutes',
    date_trunc('hour', now()) + interval '7 days' - (n / ${ROOMS}) * interval '1 hour' + interval '50 minutes',
    (case when n < 600 then 'pending' when n % 10 = 0 then 'cancelled' when n % 10 = 1 then 'expired' else 'completed' end)::enum_bookings_status,
    'public'::enum_bookings_source, 3000, 900, 'EUR'
  from generate_series(0, ${BOOKINGS - 1}) as n`)
await db.execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at)
  select tenant_id, id, 'cs_' || id, 900, 'EUR', 'paid', start - interval '2 days' from bookings where tenant_id = ${tenant.id} and id % 10 = 2`)
await db.execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at)
  select tenant_id, id, booking_id, 'refund-' || id, 450, 'EUR', 'cancellation', 'succeeded', paid_at + interval '1 day' from payments where id % 10 = 0`)
await db.execute(sql`analyze`)
const seedSeconds = (performance.now() - seedStarted) / 1000

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(1)), p99: Number(percentile(values, 99).toFixed(1)) })
async function timedGet(path: string): Promise<number> {
  const started = performance.now()
  const response = await rest.get(path, { token })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  return performance.now() - started
}

const dashboardPath = `/dashboard?tenant=${tenant.id}`
for (let index = 0; index < 3; index++) {
  dashboardCache(payload).clear()
  await timedGet(dashboardPath)
}
const uncached: number[] = []
const cached: number[] = []
for (let index = 0; index < CALLS; index++) {
  dashboardCache(payload).clear()
  uncached.push(await timedGet(dashboardPath))
  cached.push(await timedGet(dashboardPath))
}
// Where the uncached time goes: each aggregate alone, one after the other.
const parts: Record<string, number[]> = {}
type Executor = Parameters<typeof queries.bookingCounts>[0]
const partQueries: Record<string, (executor: Executor) => Promise<unknown>> = {
  bookingCounts: (executor) => queries.bookingCounts(executor, tenant.id),
  bookingsPerDay: (executor) => queries.bookingsPerDay(executor, tenant.id),
  membersByRole: (executor) => queries.membersByRole(executor, tenant.id),
  occupancyByRoom: (executor) => queries.occupancyByRoom(executor, tenant.id),
  revenuePerMonth: (executor) => queries.revenuePerMonth(executor, tenant.id),
  sessionsAndRooms: (executor) => queries.sessionsAndRooms(executor, tenant.id),
}
for (let index = 0; index < CALLS; index++) {
  for (const [name, run] of Object.entries(partQueries)) {
    const started = performance.now()
    await run(db as Executor)
    ;(parts[name] ??= []).push(performance.now() - started)
  }
}
if (process.env.BENCH_EXPLAIN) {
  // The query functions run unchanged on an executor that answers the plan instead of the rows.
  for (const [name, run] of Object.entries(partQueries)) {
    let plan: Record<string, unknown>[] = []
    const explain: Executor = { execute: async (query) => ({ rows: (plan = (await db.execute(sql`explain (analyze, costs off, timing off) ${query}`)).rows) }) }
    await run(explain)
    console.log(`\n-- ${name}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`)
  }
}
const from = new Date()
const to = new Date(from.getTime() + 7 * 86_400_000)
const calendarPath = `/calendar/events?tenant=${tenant.id}&from=${from.toISOString()}&to=${to.toISOString()}`
const calendar: number[] = []
for (let index = 0; index < CALLS; index++) calendar.push(await timedGet(calendarPath))

console.log(
  JSON.stringify(
    {
      bookings: BOOKINGS,
      calendarWeekMs: figures(calendar),
      calls: CALLS,
      dashboardCachedMs: figures(cached),
      dashboardUncachedMs: figures(uncached),
      queryMs: Object.fromEntries(Object.entries(parts).map(([name, values]) => [name, figures(values)])),
      rooms: ROOMS,
      seedSeconds: Math.round(seedSeconds),
    },
    null,
    1,
  ),
)
await payload.destroy()
await database.drop()
process.exit(0)
