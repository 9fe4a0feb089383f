// Feed tokens: 32 random bytes in the feed's URL, stored only as a peppered HMAC. Pure.
import { derivePepper, generateSecret, hashSecret } from '../../../utilities/secrets'

/** `generateSecret`'s shape: 43 base64url characters. Anything else is no token of ours. */
const TOKEN_SHAPE = /^[\w-]{43}$/

/** The pepper of feed tokens, derived from PAYLOAD_SECRET (never stored). */
export const feedPepper = (payloadSecret: string): Buffer => derivePepper(payloadSecret, 'calendar-feeds')

/** A new token and the hash that is stored. */
export function newFeedToken(pepper: Buffer): { token: string; tokenHash: string } {
  const token = generateSecret()
  return { token, tokenHash: hashSecret(pepper, token) }
}

/** The stored hash of a presented token, or null when it cannot be one (no lookup for those). */
export const feedTokenHash = (pepper: Buffer, token: string): null | string => (TOKEN_SHAPE.test(token) ? hashSecret(pepper, token) : null)

/** The subscription URL: `<serverURL><api>/calendar/feeds/<token>.ics`. */
export const feedUrl = (serverUrl: string, apiRoute: string, token: string): string =>
  `${serverUrl.replace(/\/+$/, '')}${apiRoute}/calendar/feeds/${token}.ics`
