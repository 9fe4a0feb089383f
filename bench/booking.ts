// Booking benchmarks, over HTTP (the app's route handlers behind a node:http server on 127.0.0.1):
// 1. availability of a room holding 1,000 bookings in the range: p50 and p99 of sequential requests;
// 2. booking create throughput with autocannon on distinct slots, beside a bare Payload REST create of a
//    document of about the same size (a booking policy) in the same run, alternating rounds.
// Run: npx tsx bench/booking.ts
import autocannon from 'autocannon'

import { benchDatabase } from './database'

// BENCH_ROUNDS: rounds of each kind (3 by default).
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const ROUND_SECONDS = 8
const CONNECTIONS = 10
const AVAILABILITY_REQUESTS = 300

const database = await benchDatabase()
// NODE_ENV=test: emails are rendered and dropped, jobs do not run on their own.
// Every booking comes from one client address: lift the open-bookings cap with the rate limit.
Object.assign(process.env, {
  ATELIER_LOG_LEVEL: 'error',
  ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '1000000000',
  ATELIER_PUBLIC_RATE_LIMIT: '1000000000',
  DATABASE_URL: database.url,
  NODE_ENV: 'test',
})
const { bootPayload } = await import('./boot')
const { startHttpBridge } = await import('../tests/helpers/httpBridge')
const { freePort } = await import('../utilities/freePort')
const { addDays, localDateOf, WEEKDAYS, zonedDateTimeToInstant } = await import('../plugins/booking/services/zonedTime')
const { sql } = await import('@payloadcms/db-postgres')
const { payload } = await bootPayload()
const bridge = await startHttpBridge(payload.config, await freePort())

const ZONE = 'Europe/Paris'
const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', defaultCurrency: 'EUR', defaultLocale: 'en', slug: 'bench', status: 'active', timezone: ZONE } })
await payload.create({ collection: 'users', data: { email: 'bench@atelier.test', password: 'bench-password', tenants: [{ role: 'owner', tenant: tenant.id }] } })
const login = await fetch(`${bridge.url}/api/users/login`, { body: JSON.stringify({ email: 'bench@atelier.test', password: 'bench-password' }), headers: { 'Content-Type': 'application/json' }, method: 'POST' })
const { token } = (await login.json()) as { token: string }

const allDay = WEEKDAYS.map((weekday) => ({ closes: '24:00', opens: '00:00', weekday }))
const room = (slug: string) =>
  payload.create({
    collection: 'rooms',
    data: { active: true, bufferMinutes: 0, capacity: 2, hourlyRate: 3000, leadTimeMinutes: 0, maxMinutes: 120, minMinutes: 60, name: slug, openingHours: [...allDay], slotStepMinutes: 30, slug, tenant: tenant.id },
  })

// --- 1. availability ---------------------------------------------------------------------------
const busyRoom = await room('busy')
const firstDay = addDays(localDateOf(new Date(), ZONE), 1)
const lastDay = addDays(firstDay, 61)
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<unknown> }
for (let index = 0; index < 1000; index += 1) {
  // 17 one-hour bookings a day from 04:00, over 59 days: 1,000 inside the 62-day range.
  const start = zonedDateTimeToInstant(addDays(firstDay, Math.floor(index / 17)), `${String(4 + (index % 17)).padStart(2, '0')}:00`, ZONE)
  const end = new Date(start.getTime() + 3_600_000)
  await db.execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", status, source, price, deposit, currency, amount_paid, blocked_until)
    values (${tenant.id}, ${`BK-B${String(index).padStart(3, '0')}-0000`}, ${busyRoom.id}, 'Bench', 'bench@example.test', ${start.toISOString()}, ${end.toISOString()}, 'confirmed', 'staff', 3000, 900, 'EUR', 0, ${end.toISOString()})`)
}

async function latencies(path: string, count: number): Promise<number[]> {
  for (let index = 0; index < 20; index += 1) await (await fetch(`${bridge.url}${path}`)).arrayBuffer()
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    const started = performance.now()
    const response = await fetch(`${bridge.url}${path}`)
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    times.push(performance.now() - started)
  }
  return times.sort((a, b) => a - b)
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const fullRange = await latencies(`/api/public/rooms/${busyRoom.id}/availability?from=${firstDay}&to=${lastDay}&duration=60`, AVAILABILITY_REQUESTS)
const oneWeek = await latencies(`/api/public/rooms/${busyRoom.id}/availability?from=${firstDay}&to=${addDays(firstDay, 6)}&duration=60`, AVAILABILITY_REQUESTS)
const slotsReturned = ((await (await fetch(`${bridge.url}/api/public/rooms/${busyRoom.id}/availability?from=${firstDay}&to=${lastDay}&duration=60`)).json()) as { days: { slots: unknown[] }[] }).days.reduce(
  (sum, day) => sum + day.slots.length,
  0,
)

// --- 2. create throughput ------------------------------------------------------------------------
const rooms = await Promise.all(Array.from({ length: 10 }, (_, index) => room(`fast-${index}`)))
let nextSlot = 0
const slotBody = () => {
  const slot = nextSlot++
  const targetRoom = rooms[slot % rooms.length]!
  const start = new Date(Date.parse(`${addDays(firstDay, 70)}T00:00:00Z`) + Math.floor(slot / rooms.length) * 3_600_000)
  return JSON.stringify({
    customer: { email: `customer${slot}@example.test`, name: `Customer ${slot}`, phone: '+33 1 23 45 67 89' },
    end: new Date(start.getTime() + 3_600_000).toISOString(),
    notes: 'Two microphones, please.',
    room: targetRoom.id,
    start: start.toISOString(),
    tenant: 'bench',
  })
}
let nextPolicy = 0
const policyBody = () =>
  JSON.stringify({
    cancellationTiers: [{ noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 }],
    depositPercent: 30,
    depositType: 'percentage',
    holdMinutes: 30,
    name: `Policy ${nextPolicy++} for customer${nextPolicy}@example.test`,
    tenant: tenant.id,
  })

type Round = { errors: number; non2xx: number; perSecond: number; requests: number }
async function load(path: string, headers: Record<string, string>, body: () => string, seconds = ROUND_SECONDS): Promise<Round> {
  const result = await autocannon({
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ headers: { 'content-type': 'application/json', ...headers }, method: 'POST', path, setupRequest: (request) => ({ ...request, body: body() }) }],
    url: bridge.url,
  })
  return { errors: result.errors, non2xx: result.non2xx, perSecond: result.requests.average, requests: result.requests.total }
}

const bookingRounds: Round[] = []
const bareRounds: Round[] = []
const bookingLoad = (seconds?: number) => load('/api/public/booking', {}, slotBody, seconds)
const bareLoad = (seconds?: number) => load('/api/booking-policies', { authorization: `JWT ${token}` }, policyBody, seconds)
// A short round of each first, not counted: the first requests of a kind pay for JIT and cold caches.
await bookingLoad(3)
await bareLoad(3)
// Each pair in the other order than the last, so that neither always runs on a machine the other just warmed.
for (let round = 0; round < ROUNDS; round += 1) {
  if (round % 2 === 0) {
    bookingRounds.push(await bookingLoad())
    bareRounds.push(await bareLoad())
  } else {
    bareRounds.push(await bareLoad())
    bookingRounds.push(await bookingLoad())
  }
}
const total = (rounds: Round[]) => rounds.reduce((sum, round) => sum + round.requests, 0)
const rate = (rounds: Round[]) => total(rounds) / (rounds.length * ROUND_SECONDS)
const bookingRate = rate(bookingRounds)
const bareRate = rate(bareRounds)
const stored = (await payload.count({ collection: 'bookings', where: { room: { in: rooms.map((entry) => entry.id) } } })).totalDocs

const ms = (value: number) => `${value.toFixed(1)} ms`
console.log(
  [
    `availability, 62 days, 1,000 bookings in range (${slotsReturned} free slots returned), ${AVAILABILITY_REQUESTS} sequential requests: p50 ${ms(percentile(fullRange, 50))}, p99 ${ms(percentile(fullRange, 99))}, max ${ms(fullRange.at(-1)!)}`,
    `availability, 7 days of the same room: p50 ${ms(percentile(oneWeek, 50))}, p99 ${ms(percentile(oneWeek, 99))}`,
    `create, ${CONNECTIONS} connections, ${ROUND_SECONDS} s rounds, alternating:`,
    `  POST /api/public/booking: ${bookingRounds.map((round) => `${round.requests} (non-2xx ${round.non2xx}, errors ${round.errors})`).join(', ')} → ${bookingRate.toFixed(0)} req/s; ${stored} bookings stored`,
    `  POST /api/booking-policies (bare Payload REST create): ${bareRounds.map((round) => `${round.requests} (non-2xx ${round.non2xx})`).join(', ')} → ${bareRate.toFixed(0)} req/s`,
    `  ratio booking / bare: ${((100 * bookingRate) / bareRate).toFixed(1)} %`,
  ].join('\n'),
)

// Let the last in-flight requests finish before the database goes.
await new Promise((resolve) => setTimeout(resolve, 1000))
await bridge.close()
await payload.destroy()
await database.drop()
process.exit(0)
