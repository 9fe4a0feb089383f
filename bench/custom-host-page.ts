// The cost of serving a studio's booking page on its own host, against the same page on the platform's
// path: the production build (`npm run build` first) over HTTP, `GET /` with the studio's Host (proxy.ts
// rewrites it; the page looks the host up through the cached tenantForHost) versus `GET /<slug>/book`,
// alternated; and a host nobody verified (the 404 page).
// Run: npm run build && npx tsx bench/custom-host-page.ts   (DATABASE_URL's server when set, else embedded)
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import pg from 'pg'

import { freePort, startApp, waitForHealth } from '../tests/e2e/app'
import { benchDatabase } from './database'

const SAMPLES = 300
const WARM_UP = 50

const database = await benchDatabase()
const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const admin = { email: 'bench@studio.test', password: 'a-long-bench-password' }
const app = startApp({
  ATELIER_ADMIN_EMAIL: admin.email,
  ATELIER_ADMIN_PASSWORD: admin.password,
  ATELIER_LOG_LEVEL: 'warn',
  ATELIER_PUBLIC_URL: baseUrl,
  DATABASE_URL: database.url,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  PORT: String(port),
})
await waitForHealth(baseUrl, app)

const api = async (route: string, body: unknown, token?: string) => {
  const response = await fetch(`${baseUrl}/api${route}`, {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    method: 'POST',
  })
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { doc: { id: number }; token: string }
}
const { token } = await api('/users/login', admin)
const slug = 'bench-lumiere'
const tenant = await api('/tenants', { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Bench Lumière', slug, timezone: 'Europe/Paris' }, token)
const hostname = 'book.bench-lumiere.example'
const domain = await api('/domains', { hostname, tenant: tenant.doc.id }, token)
// The DNS proof is not what is measured: mark the domain verified directly.
const client = new pg.Client({ connectionString: database.url })
await client.connect()
await client.query(`update domains set status = 'verified' where id = $1`, [domain.doc.id])
await client.end()

/** One GET with an explicit Host header (fetch does not let a caller set it); status and milliseconds. */
const get = (path: string, host: string) =>
  new Promise<{ ms: number; status: number }>((resolve, reject) => {
    const started = performance.now()
    const request = http.get({ headers: { Host: host }, host: '127.0.0.1', path, port }, (response) => {
      response.resume()
      response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }))
    })
    request.on('error', reject)
  })

const series = { customHost: [] as number[], platformPath: [] as number[], unknownHost: [] as number[] }
const cases = [
  ['customHost', '/', hostname, 200],
  ['platformPath', `/${slug}/book`, `127.0.0.1:${port}`, 200],
  ['unknownHost', '/', 'nobody.bench.example', 404],
] as const
for (let round = 0; round < WARM_UP + SAMPLES; round++) {
  for (const [name, path, host, expected] of cases) {
    const { ms, status } = await get(path, host)
    if (status !== expected) throw new Error(`${name}: ${status}, expected ${expected}`)
    if (round >= WARM_UP) series[name].push(ms)
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!
const figures = (values: number[]) => ({ p50: Number(percentile(values, 50).toFixed(2)), p99: Number(percentile(values, 99).toFixed(2)) })
console.log(
  JSON.stringify(
    {
      customHostMs: figures(series.customHost),
      customOverPlatformMedian: Number((percentile(series.customHost, 50) / percentile(series.platformPath, 50)).toFixed(2)),
      platformPathMs: figures(series.platformPath),
      samples: SAMPLES,
      unknownHostMs: figures(series.unknownHost),
    },
    null,
    1,
  ),
)
app.process.kill('SIGTERM')
await app.exit
await database.drop()
process.exit(0)
