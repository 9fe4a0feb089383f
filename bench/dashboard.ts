// The dashboard and the calendar range with 1,000,000 bookings in one studio (three rooms, one booking an
// hour back over 38 years, mixed statuses), a payment for every tenth and a refund for every hundredth,
// beside a neighbour studio of 100 rooms booked every hour of the last 60 days (160,800 bookings):
// GET /api/dashboard through the route handler (in process), uncached (the cache cleared before each call)
// and cached, and for a super admin over every studio; each aggregate alone; GET /api/calendar/events for
// one week.
// Run: npx tsx bench/dashboard.ts   (uses DATABASE_URL's server when set, else an embedded one)
// BENCH_EXPLAIN=1 also prints each aggregate's plan (EXPLAIN ANALYZE), to check which indexes serve.
import { benchDatabase } from './database'

const BOOKINGS = 1_000_000
const ROOMS = 3
const NEIGHBOUR_ROOMS = 100
const CALLS = 40

const database = await benchDatabase()
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'warn', DATABASE_URL: database.url })
const { bootPayload } = await import('./boot')
const { sql } = await import('@payloadcms/db-postgres')
const { dashboardCache } = await import('../plugins/dashboard/services/dashboardAnswer')
const queries = await import('../plugins/dashboard/services/dashboardQueries')
const { payload, rest } = await bootPayload()
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

const everyDay = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
async function studio(slug: string, rooms: number): Promise<{ id: number; roomIds: number[] }> {
  const created = await payload.create({ collection: 'tenants', data: { name: slug, defaultCurrency: 'EUR', defaultLocale: 'en', slug, status: 'active', timezone: 'Europe/Paris' } })
  const roomIds: number[] = []
  for (let index = 0; index < rooms; index++) {
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
        tenant: created.id,
      },
    })
    roomIds.push(room.id)
  }
  return { id: created.id, roomIds }
}
const tenant = await studio('bench', ROOMS)
const roomIds = tenant.roomIds
// The platform's other studios, busy over the same recent weeks: their rows share the time indexes.
const neighbours = await studio('neighbours', NEIGHBOUR_ROOMS)
await payload.create({ collection: 'users', data: { email: 'owner@bench.test', password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
const token = await rest.login('owner@bench.test', 'bench-password')
await payload.create({ collection: 'users', data: { email: 'operator@bench.test', password: 'bench-password', superAdmin: true, tenants: [] } })
const operatorToken = await rest.login('operator@bench.test', 'bench-password')

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
// The neighbours: every room booked each hour from 60 days back to 7 days ahead.
await db.execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency)
  select ${neighbours.id}, 'NB' || room_id || '-' || h, room_id, 'Guest', 'guest@example.com',
    date_trunc('hour', now()) - interval '60 days' + h * interval '1 hour', date_trunc('hour', now()) - interval '60 days' + h * interval '1 hour' + interval '45 minutes',
    date_trunc('hour', now()) - interval '60 days' + h * interval '1 hour' + interval '45 minutes', 'completed', 'public', 3000, 900, 'EUR'
  from unnest(${sql.raw(`array[${neighbours.roomIds.join(',')}]`)}) as room_id cross join generate_series(0, 67 * 24 - 1) as h`)
await db.execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at)
  select tenant_id, id, 'cs_' || id, 900, 'EUR', 'paid', start - interval '2 days' from bookings where tenant_id = ${tenant.id} and id % 10 = 2`)
await db.execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at)
  select tenant_id, id, booking_id, 'refund-' || id, 450, 'EUR', 'cancellation', 'succeeded', paid_at + interval '1 day' from payments where id % 10 = 0`)
await db.execute(sql`analyze`)
const seedSeconds = (performance.now() - seedStarted) / 1000

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(1)), p99: Number(percentile(values, 99).toFixed(1)) })
async function timedGet(path: string, as = token): Promise<number> {
  const started = performance.now()
  const response = await rest.get(path, { token: as })
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
// A super admin naming no studio: every studio at once, each in its own zone.
const everyStudio: number[] = []
for (let index = 0; index < CALLS; index++) {
  dashboardCache(payload).clear()
  everyStudio.push(await timedGet('/dashboard', operatorToken))
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
  revenueThisMonthAllStudios: (executor) => queries.revenueThisMonth(executor, null),
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
      neighbourRooms: NEIGHBOUR_ROOMS,
      calendarWeekMs: figures(calendar),
      calls: CALLS,
      dashboardAllStudiosUncachedMs: figures(everyStudio),
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
