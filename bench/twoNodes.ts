// Public availability GET against one production node, then two behind a client-side round robin
// (autocannon spreads its connections over the URLs), on one machine and one PostgreSQL.
// Run after `npm run build`: DATABASE_URL=<server> npx tsx bench/twoNodes.ts
import autocannon from 'autocannon'
import { randomBytes } from 'node:crypto'

import { freePort, startApp, type StartedApp, waitForHealth } from '../tests/e2e/app'
import { benchDatabase } from './database'

const SECONDS = 15
const CONNECTIONS = 20
const database = await benchDatabase()
const admin = { email: 'bench-ops@atelier.test', password: 'a-long-production-password' }
const shared = {
  ATELIER_ADMIN_EMAIL: admin.email,
  ATELIER_ADMIN_PASSWORD: admin.password,
  ATELIER_LOG_LEVEL: 'error',
  ATELIER_PUBLIC_RATE_LIMIT: '1000000000',
  ATELIER_RATES_URL: 'http://127.0.0.1:9/eurofxref-daily.xml',
  ATELIER_ROLE: 'web',
  DATABASE_URL: database.url,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  REDIS_URL: '',
}
const nodes: { app: StartedApp; url: string }[] = []
const startNode = async () => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const app = startApp({ ...shared, ATELIER_PUBLIC_URL: url, PORT: String(port) })
  nodes.push({ app, url })
  await waitForHealth(url, app)
  return url
}
const call = async (url: string, method: string, route: string, body: unknown, token?: string) => {
  const response = await fetch(`${url}/api${route}`, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) }, method })
  return (await response.json()) as { doc?: { id: number }; token?: string }
}

try {
  const first = await startNode()
  const { token } = await call(first, 'POST', '/users/login', admin)
  const tenant = await call(first, 'POST', '/tenants', { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Bench', slug: 'bench', timezone: 'Europe/Paris' }, token)
  await call(first, 'POST', '/booking-policies', { depositPercent: 25, depositType: 'percentage', holdMinutes: 30, isDefault: true, name: 'Standard', tenant: tenant.doc!.id }, token)
  const openingHours = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((weekday) => ({ closes: '20:00', opens: '08:00', weekday }))
  const room = await call(first, 'POST', '/rooms', { active: true, bufferMinutes: 0, capacity: 1, hourlyRate: 4000, leadTimeMinutes: 0, maxMinutes: 120, minMinutes: 60, name: 'Room', openingHours, slotStepMinutes: 60, slug: 'room', tenant: tenant.doc!.id }, token)
  const path = `/api/public/rooms/${room.doc!.id}/availability`

  const run = async (urls: string[]) => {
    // autocannon takes several URLs and spreads its connections over them; its types say one string.
    const url = urls.map((base) => base + path) as unknown as string
    await autocannon({ connections: CONNECTIONS, duration: 3, url }) // warm-up
    const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, url })
    return { non2xx: result.non2xx, p50: result.latency.p50, p99: result.latency.p99, rps: Math.round(result.requests.average) }
  }
  const one = await run([first])
  const second = await startNode()
  const two = await run([first, second])
  console.log(JSON.stringify({ connections: CONNECTIONS, cores: (await import('node:os')).cpus().length, one, seconds: SECONDS, two }))
} finally {
  for (const node of nodes) node.app.process.kill('SIGTERM')
  await Promise.all(nodes.map((node) => node.app.exit))
  await database.drop()
}
