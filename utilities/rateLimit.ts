// Fixed-window request counting per key (an IP, usually), in process memory.
import { HttpError } from './apiErrors'

export type RateLimiter = { consume: (key: string) => void; reset: () => void }

/**
 * Allows `limit` calls per key per window; the next one throws 429 with `Retry-After`. Counts live in this
 * process: behind several instances the effective limit is multiplied by their number.
 */
export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>()
  let sweptAt = Date.now()
  return {
    consume(key) {
      const now = Date.now()
      if (now - sweptAt > windowMs) {
        for (const [stored, window] of windows) if (window.resetAt <= now) windows.delete(stored)
        sweptAt = now
      }
      let window = windows.get(key)
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs }
        windows.set(key, window)
      }
      window.count += 1
      if (window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000))
        throw new HttpError(429, 'Too many requests: try again later.', undefined, {}, { 'Retry-After': String(retryAfter) })
      }
    },
    reset: () => windows.clear(),
  }
}
