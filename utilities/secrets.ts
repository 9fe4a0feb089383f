// Tokens and keys: random, stored only as peppered hashes, compared in constant time.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** 32 random bytes, base64url (43 characters). */
export const generateSecret = (): string => randomBytes(32).toString('base64url')

/** The first 8 characters, stored beside the hash so people can tell keys apart. */
export const secretPrefix = (secret: string): string => secret.slice(0, 8)

/** A pepper per purpose, derived from PAYLOAD_SECRET and never stored. */
export const derivePepper = (payloadSecret: string, purpose: string): Buffer =>
  createHmac('sha256', payloadSecret).update(`atelier:${purpose}:secret-pepper`).digest()

/** HMAC-SHA-256 of the secret under the pepper, hex. A stolen database alone cannot be used to log in. */
export const hashSecret = (pepper: Buffer, secret: string): string => createHmac('sha256', pepper).update(secret).digest('hex')

/** Constant-time equality of two hex digests (false on different lengths or empty values). */
export function digestsEqual(a: null | string | undefined, b: null | string | undefined): boolean {
  if (!a || !b) return false
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right)
}

/** Constant-time equality of a presented secret and the expected one, whatever their lengths. */
export function secretsEqual(given: null | string | undefined, expected: null | string | undefined): boolean {
  if (!given || !expected) return false
  // Equal-length digests, so neither the comparison nor an early length check tells how close a guess was.
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
