// Where rate-limit counters live, so that every app node counts against the same total: Redis when REDIS_URL is
// set, else an UNLOGGED table in the app's own PostgreSQL (migration `rate_limits`).
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { Redis } from 'ioredis'
import { RateLimiterPostgres, RateLimiterRedis, type RateLimiterStoreAbstract } from 'rate-limiter-flexible'

import { atelierEnv } from './env'
import { onForgetProcessCaches } from './processCaches'

export const RATE_LIMITS_TABLE = 'rate_limits'
const REDIS_CONNECT_TIMEOUT_MS = 2_000
const REDIS_COMMAND_TIMEOUT_MS = 1_000

export type CounterSpec = { limit: number; name: string; windowMs: number }

export type RateLimitStore = {
  /** Ends what the store opened (a Redis connection); the app's own pool is not the store's to end. */
  close: () => Promise<void>
  /** The library's counter for one named limit; the same object for the same spec on the same connection. */
  counterFor: (payload: Payload, spec: CounterSpec) => Promise<RateLimiterStoreAbstract>
}

/** The first failure of a burst says so, then at most once every `remindMs` while it lasts; a success ends the burst. */
export function failureBursts(remindMs = 5 * 60_000) {
  let loggedAt: null | number = null
  let failing = false
  return {
    /** True when this failure should be logged. */
    failed(): boolean {
      failing = true
      if (loggedAt !== null && Date.now() - loggedAt < remindMs) return false
      loggedAt = Date.now()
      return true
    },
    /** True when this success ends a burst. */
    succeeded(): boolean {
      const ended = failing
      failing = false
      loggedAt = null
      return ended
    },
  }
}

const libraryOptions = ({ limit, windowMs }: CounterSpec) => ({
  duration: Math.max(1, Math.ceil(windowMs / 1000)),
  // Once a key is over its limit, this node refuses it from memory until the window ends: no store round trip per
  // refused request, which is what a flood is made of.
  inMemoryBlockOnConsumed: limit + 1,
  points: limit,
})

const specKey = ({ limit, name, windowMs }: CounterSpec) => `${name}|${limit}|${windowMs}`

const payloadPool = (payload: Payload): Pool => payload.db.pool

/**
 * Counters in PostgreSQL, on `poolOf(payload)` (Payload's own pool by default: no second connection pool). The table
 * is UNLOGGED: counts are not worth a WAL write, and a crash that empties it only forgives the current windows.
 */
export function postgresStore(poolOf: (payload: Payload) => Pool = payloadPool): RateLimitStore {
  const countersByPool = new WeakMap<Pool, Map<string, RateLimiterPostgres>>()
  return {
    close: async () => {},
    counterFor: (payload, spec) => {
      const pool = poolOf(payload)
      const counters = countersByPool.get(pool) ?? new Map<string, RateLimiterPostgres>()
      countersByPool.set(pool, counters)
      let counter = counters.get(specKey(spec))
      if (!counter) {
        counter = new RateLimiterPostgres({
          ...libraryOptions(spec),
          // The first counter on a pool deletes rows expired over an hour ago, every 5 minutes (the library's own
          // sweep, on an unref'd timer); one sweeper per node keeps the table to the keys of the last hours.
          clearExpiredByTimeout: counters.size === 0,
          keyPrefix: spec.name,
          storeClient: pool,
          storeType: 'pool',
          tableCreated: true,
          tableName: RATE_LIMITS_TABLE,
        })
        counters.set(specKey(spec), counter)
      }
      return Promise.resolve(counter)
    },
  }
}

/**
 * Counters in Redis over one client, opened on first use. Commands fail at once while Redis is away (no offline
 * queue), so a request never waits on it beyond the command timeout; only the very first connection is waited for.
 */
export function redisStore(url: string): RateLimitStore {
  let client: Redis | undefined
  let firstConnection: Promise<void> | undefined
  const counters = new Map<string, RateLimiterRedis>()

  const open = (payload: Payload): Redis => {
    const opened = new Redis(url, {
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    })
    const connection = failureBursts()
    // Without a listener an 'error' event would end the process; ioredis goes on reconnecting by itself.
    opened.on('error', (error: Error) => {
      if (connection.failed()) payload.logger.error({ err: error, msg: `Rate limits: Redis unreachable at ${redactedUrl(url)}` })
    })
    opened.on('ready', () => {
      if (connection.succeeded()) payload.logger.info('Rate limits: Redis reachable again')
    })
    firstConnection = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        opened.off('ready', done)
        resolve()
      }
      const timer = setTimeout(done, REDIS_CONNECT_TIMEOUT_MS)
      opened.once('ready', done)
    })
    return opened
  }

  return {
    close: async () => {
      client?.disconnect()
      client = undefined
    },
    counterFor: async (payload, spec) => {
      client ??= open(payload)
      await firstConnection
      let counter = counters.get(specKey(spec))
      if (!counter) {
        counter = new RateLimiterRedis({ ...libraryOptions(spec), keyPrefix: `rate-limit:${spec.name}`, storeClient: client })
        counters.set(specKey(spec), counter)
      }
      return counter
    },
  }
}

const redactedUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@')

let processStore: RateLimitStore | undefined
onForgetProcessCaches(() => {
  void processStore?.close()
  processStore = undefined
})

/** The store of this process, chosen once from the environment. */
export function defaultRateLimitStore(): RateLimitStore {
  const redisUrl = atelierEnv().REDIS_URL
  processStore ??= redisUrl ? redisStore(redisUrl) : postgresStore()
  return processStore
}
