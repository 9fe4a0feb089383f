// One phase of bench/scale.ts, in its own process (Payload is a module-level singleton, one database each):
// seeds DATABASE_URL with ATELIER_SCALE_ROWS bookings per studio unless it already holds them, then times
// each request over HTTP on the app's route handlers and writes the latencies to ATELIER_SCALE_OUT as JSON.
import { writeFile } from 'node:fs/promises'

const rows = Number(process.env.ATELIER_SCALE_ROWS)
const out = process.env.ATELIER_SCALE_OUT
const samples = Number(process.env.ATELIER_SCALE_SAMPLES || 200)
const createSamples = Number(process.env.ATELIER_SCALE_CREATE_SAMPLES || 50)
if (!rows || !out || !process.env.DATABASE_URL) throw new Error('Run through bench/scale.ts')

// NODE_ENV=test: emails are rendered and dropped, jobs do not run on their own. One client address books
// every create: lift its limits.
Object.assign(process.env, {
  ATELIER_LOG_LEVEL: 'error',
  ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL: '1000000000',
  ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: '1000000000',
  ATELIER_PUBLIC_RATE_LIMIT: '1000000000',
  NODE_ENV: 'test',
  REDIS_URL: '',
})
const { bootPayload } = await import('./boot')
const { startHttpBridge } = await import('../tests/helpers/httpBridge')
const { freePort } = await import('../utilities/freePort')
const { addDays, localDateOf } = await import('../plugins/booking/services/zonedTime')
const { sql } = await import('@payloadcms/db-postgres')
const { ADMIN_EMAIL, SCALE_PASSWORD, seedScale } = await import('./scaleSeed')

const log = (line: string) => console.log(`[${rows.toLocaleString('en')}] ${line}`)
const { payload } = await bootPayload()
const world = await seedScale(payload, rows, log)
const bridge = await startHttpBridge(payload.config, await freePort())

const login = await fetch(`${bridge.url}/api/users/login`, {
  body: JSON.stringify({ email: ADMIN_EMAIL, password: SCALE_PASSWORD }),
  headers: { 'Content-Type': 'application/json' },
  method: 'POST',
})
const { token } = (await login.json()) as { token: string }
// As the admin panel asks: signed in (the token as a header: the bridge's requests carry no Origin for the
// cookie's CSRF check), with the studio picked in the tenant selector.
const admin = { authorization: `JWT ${token}`, cookie: `payload-tenant=${world.tenants.a.id}` }

async function latencies(path: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const once = async () => {
    const started = performance.now()
    const response = await fetch(`${bridge.url}${path}`, { headers })
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    return performance.now() - started
  }
  for (let index = 0; index < 10; index += 1) await once()
  const times: number[] = []
  for (let index = 0; index < count; index += 1) times.push(await once())
  return times
}

const list = (collection: string, sort: string, where?: Record<string, string>) => {
  const query = new URLSearchParams({ depth: '1', limit: '10', sort })
  for (const [path, value] of Object.entries(where ?? {})) query.set(`where[${path}][equals]`, value)
  return `/api/${collection}?${query}`
}
const room = world.rooms.a[0]!
const firstDay = addDays(localDateOf(new Date(), 'Europe/Paris'), 1)
const monthTo = new Date()
const monthFrom = new Date(monthTo.getTime() - 30 * 86_400_000)
const weekStart = new Date(monthTo.getTime() - 3 * 86_400_000)
const weekEnd = new Date(monthTo.getTime() + 4 * 86_400_000)
const overlapping = (from: Date, to: Date) =>
  new URLSearchParams({ 'where[end][greater_than]': from.toISOString(), 'where[start][less_than_equal]': to.toISOString() }).toString()

const requests: { headers?: Record<string, string>; name: string; path: string }[] = [
  { name: 'availability, one room, 7 days', path: `/api/public/rooms/${room}/availability?from=${firstDay}&to=${addDays(firstDay, 6)}&duration=60` },
  { name: 'availability, one room, 30 days', path: `/api/public/rooms/${room}/availability?from=${firstDay}&to=${addDays(firstDay, 29)}&duration=60` },
  { headers: admin, name: 'bookings list, first page (`sort=-start&depth=1`)', path: list('bookings', '-start') },
  // Payload's own way to skip the total count (REST `pagination=false`, Local API `pagination: false`).
  { headers: admin, name: 'bookings list, first page, `pagination=false`', path: `${list('bookings', '-start')}&pagination=false` },
  { headers: admin, name: 'bookings list, customer email filter', path: list('bookings', '-start', { 'customer.email': 'customer42@example.test' }) },
  { headers: admin, name: 'bookings list, status filter (cancelled)', path: list('bookings', '-start', { status: 'cancelled' }) },
  // As the dashboard's links open them: bookings overlapping this week, sessions running now.
  { headers: admin, name: 'bookings list, overlapping this week', path: `${list('bookings', '-start')}&${overlapping(weekStart, weekEnd)}` },
  { headers: admin, name: 'sessions list, running now', path: `${list('sessions', '-start')}&${overlapping(monthTo, monthTo)}` },
  { headers: admin, name: 'sessions list, first page (`sort=-start`)', path: list('sessions', '-start') },
  { headers: admin, name: 'sessions list, status filter (cancelled)', path: list('sessions', '-start', { status: 'cancelled' }) },
  { headers: admin, name: 'payments list, first page (`sort=-createdAt`)', path: list('payments', '-createdAt') },
  { headers: admin, name: 'payments list, status filter (expired)', path: list('payments', '-createdAt', { status: 'expired' }) },
  { headers: admin, name: 'audit-logs list, first page (`sort=-createdAt`)', path: list('audit-logs', '-createdAt') },
  { headers: admin, name: 'audit-logs list, action filter (delete)', path: list('audit-logs', '-createdAt', { action: 'delete' }) },
  { headers: admin, name: 'audit stats, one month', path: `/api/audit-logs/stats?${new URLSearchParams({ from: monthFrom.toISOString(), to: monthTo.toISOString() })}` },
]

const results: Record<string, number[]> = {}
for (const request of requests) {
  results[request.name] = await latencies(request.path, samples, request.headers)
  log(`${request.name}: done`)
}

// Public creates, one after another, each on the hour after the last booking of the studio's third room
// (past the 30 days the availability figures read, and clear of an earlier run's creates).
const createRoom = world.rooms.a[2]!
const db = payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: { last: null | string }[] }> }
const last = (await db.execute(sql`select max(start) as last from bookings where room_id = ${createRoom}`)).rows[0]?.last
const after = Math.max(last ? Date.parse(last) : 0, Date.parse(`${addDays(firstDay, 45)}T00:00:00Z`))
const createTimes: number[] = []
for (let index = 0; index < createSamples + 5; index += 1) {
  const start = new Date(Math.ceil(after / 3_600_000) * 3_600_000 + (index + 1) * 3_600_000)
  const started = performance.now()
  const response = await fetch(`${bridge.url}/api/public/booking`, {
    body: JSON.stringify({
      customer: { email: `scale-create-${start.getTime()}@example.test`, name: 'Scale Bench', phone: '+33 1 23 45 67 89' },
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      notes: 'Two microphones, please.',
      room: createRoom,
      start: start.toISOString(),
      tenant: world.tenants.a.slug,
    }),
    headers: { 'content-type': 'application/json' },
    method: 'POST',
  })
  const body = await response.text()
  if (response.status !== 201) throw new Error(`public booking create answered ${response.status}: ${body}`)
  // The first five warm up.
  if (index >= 5) createTimes.push(performance.now() - started)
}
results['public booking create'] = createTimes
log('public booking create: done')

await writeFile(out, JSON.stringify(results))
await new Promise((resolve) => setTimeout(resolve, 500))
await bridge.close()
await payload.destroy()
process.exit(0)
