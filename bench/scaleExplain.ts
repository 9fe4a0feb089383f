// Where a request's time goes in the database (issue 21): sends availability and each admin list request of bench/scale.ts to
// a seeded scale database, records every SQL statement Payload issues for it (node-postgres, in this process)
// with its time, then prints each select's EXPLAIN (ANALYZE, BUFFERS).
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/atelier_scale_1m npx tsx bench/scaleExplain.ts [path filter]
import pg from 'pg'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) throw new Error('DATABASE_URL: a database seeded by bench/scale.ts (ATELIER_SCALE_DB)')
// A web node: no job crons in this process, so only the request's statements are recorded.
Object.assign(process.env, { ATELIER_LOG_LEVEL: 'error', ATELIER_ROLE: 'web', NODE_ENV: 'test', REDIS_URL: '' })

type Statement = { ms: number; text: string; values: unknown[] }
let recording: Statement[] | undefined
// Payload's reads go through the pool's query (which hands a callback to a client's), its transactions
// through a client's: record both where they return a promise, so no statement counts twice.
function recorded<T extends (...args: unknown[]) => unknown>(original: T): T {
  return function recordedQuery(this: unknown, ...args: unknown[]) {
    const [first, second] = args
    const text = typeof first === 'string' ? first : (first as { text?: string })?.text
    const values = (Array.isArray(second) ? second : (first as { values?: unknown[] })?.values) ?? []
    const started = performance.now()
    const result = original.apply(this, args)
    if (recording && text && result instanceof Promise) {
      const statement: Statement = { ms: 0, text, values }
      recording.push(statement)
      void result.then(
        () => (statement.ms = performance.now() - started),
        () => (statement.ms = -1),
      )
    }
    return result
  } as T
}
pg.Client.prototype.query = recorded(pg.Client.prototype.query as (...args: unknown[]) => unknown) as typeof pg.Client.prototype.query
pg.Pool.prototype.query = recorded(pg.Pool.prototype.query as (...args: unknown[]) => unknown) as typeof pg.Pool.prototype.query

const { bootPayload } = await import('./boot')
const { startHttpBridge } = await import('../tests/helpers/httpBridge')
const { freePort } = await import('../utilities/freePort')
const { ADMIN_EMAIL, SCALE_PASSWORD } = await import('./scaleSeed')
const { payload } = await bootPayload()
const bridge = await startHttpBridge(payload.config, await freePort())
const { token } = (await (
  await fetch(`${bridge.url}/api/users/login`, { body: JSON.stringify({ email: ADMIN_EMAIL, password: SCALE_PASSWORD }), headers: { 'Content-Type': 'application/json' }, method: 'POST' })
).json()) as { token: string }
const tenant = (await payload.find({ collection: 'tenants', limit: 1, where: { slug: { equals: 'scale-a' } } })).docs[0]!
const headers = { authorization: `JWT ${token}`, cookie: `payload-tenant=${tenant.id}` }

const list = (collection: string, sort: string, where?: Record<string, string>) => {
  const params = new URLSearchParams({ depth: '1', limit: '10', sort })
  for (const [path, value] of Object.entries(where ?? {})) params.set(`where[${path}][equals]`, value)
  return `/api/${collection}?${params}`
}
const monthTo = new Date()
const room = (await payload.find({ collection: 'rooms', limit: 1, sort: 'id', where: { tenant: { equals: tenant.id } } })).docs[0]!
const day = (ahead: number) => new Date(Date.now() + ahead * 86_400_000).toISOString().slice(0, 10)
const paths = [
  `/api/public/rooms/${room.id}/availability?from=${day(1)}&to=${day(30)}&duration=60`,
  list('bookings', '-start'),
  `${list('bookings', '-start')}&pagination=false`,
  list('bookings', '-start', { 'customer.email': 'customer42@example.test' }),
  list('bookings', '-start', { status: 'cancelled' }),
  list('sessions', '-start'),
  list('sessions', '-start', { status: 'cancelled' }),
  list('payments', '-createdAt'),
  list('payments', '-createdAt', { status: 'expired' }),
  list('audit-logs', '-createdAt'),
  list('audit-logs', '-createdAt', { action: 'delete' }),
  `/api/audit-logs/stats?${new URLSearchParams({ from: new Date(monthTo.getTime() - 30 * 86_400_000).toISOString(), to: monthTo.toISOString() })}`,
].filter((path) => !process.argv[2] || path.includes(process.argv[2]))

const explainer = new pg.Client({ connectionString: databaseUrl })
await explainer.connect()
for (const path of paths) {
  // Once to warm the caches (and the user's grants), then the recorded one.
  await (await fetch(`${bridge.url}${path}`, { headers })).arrayBuffer()
  recording = []
  const started = performance.now()
  const response = await fetch(`${bridge.url}${path}`, { headers })
  await response.arrayBuffer()
  const total = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 50))
  const statements = recording
  recording = undefined
  console.log(`\n## ${path} → ${response.status} in ${total.toFixed(1)} ms, ${statements.length} statements, ${statements.reduce((sum, s) => sum + s.ms, 0).toFixed(1)} ms in them`)
  for (const statement of statements) {
    console.log(`\n### ${statement.ms.toFixed(1)} ms: ${statement.text.replace(/\s+/g, ' ').slice(0, 400)} -- ${JSON.stringify(statement.values).slice(0, 200)}`)
    if (!/^\s*(select|with)\b/i.test(statement.text)) continue
    // The signed-in user's own lookups (user, grants) are the same at any scale: timed above, not explained.
    if (/^\s*select "?(users|roles|role_assignments)"?\./i.test(statement.text) || /from "(role_assignments|roles)"/.test(statement.text)) continue
    const plan = await explainer.query(`explain (analyze, buffers) ${statement.text}`, statement.values)
    console.log(plan.rows.map((row: Record<string, string>) => `    ${row['QUERY PLAN']}`).join('\n'))
  }
}
await explainer.end()
await bridge.close()
await payload.destroy()
process.exit(0)
