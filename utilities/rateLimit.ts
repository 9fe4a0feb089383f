// Fixed-window request counting per key (an IP, an address, a user) for every limit of the app, in a store that all
// app nodes share (utilities/rateLimitStore.ts): limit L allows L requests per window in total, however many nodes.
import type { Payload } from 'payload'

import { createHash } from 'node:crypto'
import { RateLimiterRes } from 'rate-limiter-flexible'

import { HttpError } from './apiErrors'
import { defaultRateLimitStore, failureBursts, type RateLimitStore } from './rateLimitStore'

// Beyond this the store counts as failing: a request must not hang on a saturated pool or a stalled server.
const STORE_TIMEOUT_MS = 2_000
const UNAVAILABLE_RETRY_AFTER_SECONDS = 30

export type RateLimiterOptions = {
  limit: number
  /** Names the counters: limiters with one name count together, across processes; different names never do. */
  name: string
  /**
   * When the store cannot answer: `allow` lets the request through (a read, an ask), `refuse` answers 503
   * `rate_limit_unavailable` (what must not run unlimited, such as making accounts). Either way it is logged.
   */
  onStoreError: 'allow' | 'refuse'
  /** Where counts live; the process's store by default (Redis with REDIS_URL, else PostgreSQL). Tests pass their own. */
  store?: RateLimitStore
  windowMs: number
}

export type RateLimiter = {
  /** Counts one request for `key`; throws 429 with `Retry-After` beyond the limit. */
  consume: (payload: Payload, key: string) => Promise<void>
  readonly name: string
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, 'Too many requests: try again later.', undefined, {}, { 'Retry-After': String(retryAfterSeconds) })

export const rateLimitUnavailable = () =>
  new HttpError(
    503,
    'This service is briefly unavailable: try again shortly.',
    undefined,
    { code: 'rate_limit_unavailable' },
    { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  )

// Keys are hashed: a fixed length whatever the key (an email may be 254 characters, the column holds 255), and no
// addresses or emails in plain text in the store.
const storedKey = (key: string) => createHash('sha256').update(key).digest('base64url')

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer from the rate-limit store within ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** Allows `limit` calls per key per window; the next one throws 429 with `Retry-After` (seconds, at least 1). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, name, onStoreError, windowMs } = options
  const bursts = failureBursts()

  const storeFailed = (payload: Payload, error: unknown) => {
    if (bursts.failed()) {
      const outcome = onStoreError === 'allow' ? 'requests go through unlimited' : 'requests are refused (503)'
      const log = { err: error, msg: `Rate limit "${name}": the store failed, ${outcome} until it answers again` }
      if (onStoreError === 'allow') payload.logger.warn(log)
      else payload.logger.error(log)
    }
    if (onStoreError === 'refuse') throw rateLimitUnavailable()
  }

  return {
    async consume(payload, key) {
      try {
        const counter = await (options.store ?? defaultRateLimitStore()).counterFor(payload, { limit, name, windowMs })
        await withinTimeout(counter.consume(storedKey(key)))
      } catch (outcome) {
        // The library rejects with its result when the key is over the limit, with an Error when the store failed.
        if (outcome instanceof RateLimiterRes) throw tooManyRequests(Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)))
        return storeFailed(payload, outcome)
      }
      if (bursts.succeeded()) payload.logger.info(`Rate limit "${name}": the store answers again`)
    },
    name,
  }
}
