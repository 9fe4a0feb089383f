// Rate limits count in a store every app node shares (PostgreSQL's `rate_limits` table, or Redis), and a store that
// fails lets requests through or refuses them (503) as each limit says, and says so in the log once per burst.
import type { RateLimitStore } from '../../utilities/rateLimitStore'

import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { HttpError } from '../../utilities/apiErrors'
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from '../../utilities/rateLimit'
import { postgresStore, redisStore } from '../../utilities/rateLimitStore'
import { startTestApp, type TestApp } from '../helpers/payload'

// Tests leave REDIS_URL unset (the app's counters stay in each test database); these name their Redis themselves.
const REDIS_URL = 'redis://127.0.0.1:6379'
const LIMIT = 5
const run = randomUUID().slice(0, 8)

/** Whether Redis answers a PING within a second; its tests are skipped (and say why) when it does not. */
async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { connectTimeout: 1_000, enableOfflineQueue: true, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  probe.on('error', () => {})
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    probe.disconnect()
  }
}
const redisUp = await redisAnswers(REDIS_URL)
if (!redisUp) console.warn(`Redis rate-limit tests skipped: no Redis answers at ${REDIS_URL}.`)

let app: TestApp
let secondNodePool: pg.Pool
const storesToClose: RateLimitStore[] = []

beforeAll(async () => {
  app = await startTestApp({ ATELIER_SIGNUP_RESPONSE_FLOOR_MS: '0' })
  // A second app node: its own connection pool to the same database.
  secondNodePool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 })
  // pool.end() resolves before its connections have closed, so dropping the database at the end can still reach
  // one: the pool re-emits that error, and unheard it is an uncaught exception in the process (as the app's pool,
  // utilities/poolErrors.ts).
  secondNodePool.on('error', () => undefined)
})
afterAll(async () => {
  await Promise.all(storesToClose.map((store) => store.close()))
  await secondNodePool?.end()
  await app?.close()
})

const limiterOn = (store: RateLimitStore, options: Partial<RateLimiterOptions> & { name: string }): RateLimiter => {
  storesToClose.push(store)
  return createRateLimiter({ limit: LIMIT, onStoreError: 'refuse', store, windowMs: 60_000, ...options })
}

/** Fires `count` requests at once, alternating between the nodes; what each was answered (`pass`, or the thrown error). */
async function burst(nodes: RateLimiter[], key: string, count: number): Promise<(HttpError | 'pass')[]> {
  const settled = await Promise.allSettled(Array.from({ length: count }, (_, index) => nodes[index % nodes.length]!.consume(app.payload, key)))
  return settled.map((outcome) => (outcome.status === 'fulfilled' ? 'pass' : (outcome.reason as HttpError)))
}

function expectSharedLimit(answers: (HttpError | 'pass')[]) {
  expect(answers.filter((answer) => answer === 'pass')).toHaveLength(LIMIT)
  for (const refusal of answers.filter((answer): answer is HttpError => answer !== 'pass')) {
    expect(refusal).toBeInstanceOf(HttpError)
    expect(refusal.status).toBe(429)
    expect(refusal.message).toBe('Too many requests: try again later.')
    const retryAfter = Number(refusal.headers['Retry-After'])
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
  }
}

describe('in PostgreSQL (the default store)', () => {
  it('counts one limit across two nodes: L passes in total, then 429 with Retry-After on both', async () => {
    const name = `test-shared-${run}`
    const nodeA = limiterOn(postgresStore(), { name })
    const nodeB = limiterOn(postgresStore(() => secondNodePool), { name })
    expectSharedLimit(await burst([nodeA, nodeB], '198.51.100.1', 3 * LIMIT))
    // Later requests too, from either node.
    await expect(nodeA.consume(app.payload, '198.51.100.1')).rejects.toMatchObject({ status: 429 })
    await expect(nodeB.consume(app.payload, '198.51.100.1')).rejects.toMatchObject({ status: 429 })
    await expect(nodeB.consume(app.payload, '198.51.100.2')).resolves.toBeUndefined()
  })

  it('keeps names apart: one limit used up leaves another with the same key untouched', async () => {
    const used = limiterOn(postgresStore(), { limit: 1, name: `test-used-${run}` })
    const other = limiterOn(postgresStore(), { limit: 1, name: `test-other-${run}` })
    await used.consume(app.payload, 'same-key')
    await expect(used.consume(app.payload, 'same-key')).rejects.toMatchObject({ status: 429 })
    await expect(other.consume(app.payload, 'same-key')).resolves.toBeUndefined()
  })

  it('stores rows under the name, with the key hashed (no address in plain text) and an expiry', async () => {
    const name = `test-row-${run}`
    await limiterOn(postgresStore(), { name }).consume(app.payload, 'someone@example.com')
    const { rows } = await secondNodePool.query<{ expire: string; key: string; points: number }>('SELECT key, points, expire FROM rate_limits WHERE key LIKE $1', [`${name}:%`])
    expect(rows).toHaveLength(1)
    expect(rows[0]!.key).not.toContain('someone')
    expect(rows[0]!.points).toBe(1)
    expect(Number(rows[0]!.expire) - Date.now()).toBeGreaterThan(50_000)
    const { rows: table } = await secondNodePool.query<{ relpersistence: string }>(`SELECT relpersistence FROM pg_class WHERE relname = 'rate_limits'`)
    expect(table[0]!.relpersistence).toBe('u')
  })
})

describe.skipIf(!redisUp)(`in Redis (${REDIS_URL})`, () => {
  it('counts one limit across two nodes (two clients): L passes in total, then 429 with Retry-After', async () => {
    const name = `test-redis-${run}`
    const nodeA = limiterOn(redisStore(REDIS_URL), { name })
    const nodeB = limiterOn(redisStore(REDIS_URL), { name })
    expectSharedLimit(await burst([nodeA, nodeB], '198.51.100.1', 3 * LIMIT))
    await expect(nodeB.consume(app.payload, '198.51.100.2')).resolves.toBeUndefined()
  })

  it('keeps names apart', async () => {
    const store = redisStore(REDIS_URL)
    const used = limiterOn(store, { limit: 1, name: `test-redis-used-${run}` })
    const other = limiterOn(store, { limit: 1, name: `test-redis-other-${run}` })
    await used.consume(app.payload, 'same-key')
    await expect(used.consume(app.payload, 'same-key')).rejects.toMatchObject({ status: 429 })
    await expect(other.consume(app.payload, 'same-key')).resolves.toBeUndefined()
  })
})

describe('a store that fails', () => {
  const unreachable: [string, () => RateLimitStore][] = [
    ['PostgreSQL on a closed port', () => postgresStore(() => new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 }))],
    ['Redis on a closed port', () => redisStore('redis://127.0.0.1:1')],
  ]

  it.each(unreachable)('%s: `allow` lets requests through and logs one warning for the burst', async (_label, makeStore) => {
    const warn = vi.spyOn(app.payload.logger, 'warn')
    try {
      const name = `test-allow-${run}-${randomUUID().slice(0, 4)}`
      const limiter = limiterOn(makeStore(), { limit: 1, name, onStoreError: 'allow' })
      for (let request = 0; request < 3; request++) await expect(limiter.consume(app.payload, '198.51.100.9')).resolves.toBeUndefined()
      const aboutThisLimit = warn.mock.calls.filter(([entry]) => JSON.stringify(entry).includes(name))
      expect(aboutThisLimit).toHaveLength(1)
    } finally {
      warn.mockRestore()
    }
  })

  it.each(unreachable)('%s: `refuse` answers 503 rate_limit_unavailable with Retry-After, and logs an error', async (_label, makeStore) => {
    const error = vi.spyOn(app.payload.logger, 'error')
    try {
      const name = `test-refuse-${run}-${randomUUID().slice(0, 4)}`
      const limiter = limiterOn(makeStore(), { name, onStoreError: 'refuse' })
      const refusal = (await limiter.consume(app.payload, '198.51.100.9').catch((thrown: unknown) => thrown)) as HttpError
      expect(refusal).toBeInstanceOf(HttpError)
      expect([refusal.status, refusal.extra, Number(refusal.headers['Retry-After'])]).toEqual([503, { code: 'rate_limit_unavailable' }, 30])
      expect(error.mock.calls.some(([entry]) => JSON.stringify(entry).includes(name))).toBe(true)
    } finally {
      error.mockRestore()
    }
  })

  it("through the endpoints: signup refuses (503) and the slug check answers, while the app's table is unreachable", async () => {
    const signupBody = { email: `rl-${run}@studio-rl.test`, password: `Long-secret-${run}-pass`, slug: `rl-studio-${run}`, studioName: 'Rate Limited' }
    const headers = { headers: { 'X-Forwarded-For': '198.51.100.20' } }
    await app.payload.db.pool.query('ALTER TABLE rate_limits RENAME TO rate_limits_away')
    try {
      const refused = await app.rest.post('/signup', signupBody, headers)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('30')
      expect(await refused.json()).toMatchObject({ code: 'rate_limit_unavailable' })
      expect((await app.rest.get(`/signup/check-slug?slug=rl-studio-${run}`, headers)).status).toBe(200)
    } finally {
      await app.payload.db.pool.query('ALTER TABLE rate_limits_away RENAME TO rate_limits')
    }
    expect((await app.rest.post('/signup', signupBody, headers)).status).toBe(202)
  })
})
