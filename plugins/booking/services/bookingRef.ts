// Booking references people can read out over the phone: `BK-XXXX-XXXX` in Crockford base32 (no I, L, O, U).
import { randomBytes } from 'node:crypto'

const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const BOOKING_REF_PATTERN = /^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/

/**
 * 40 random bits read 5 at a time: each symbol indexes the 32-letter alphabet directly, so every symbol is
 * uniform (no modulo bias). Uniqueness is the database's job; collisions are rare (2^40 values) but possible.
 */
export function generateBookingRef(): string {
  // 40 bits fit a double exactly; division instead of >> because bitwise operators truncate to 32 bits.
  const bits = randomBytes(5).readUIntBE(0, 5)
  let symbols = ''
  for (let shift = 35; shift >= 0; shift -= 5) symbols += CROCKFORD_ALPHABET[Math.floor(bits / 2 ** shift) % 32]
  return `BK-${symbols.slice(0, 4)}-${symbols.slice(4)}`
}

/** The stored form of a reference someone typed: surrounding spaces dropped, upper case. */
export function normaliseBookingRef(value: string): string {
  return value.trim().toUpperCase()
}

/** Accepts any case (and surrounding spaces); compare and look up by `normaliseBookingRef(value)`. */
export function isBookingRef(value: string): boolean {
  return BOOKING_REF_PATTERN.test(normaliseBookingRef(value))
}
