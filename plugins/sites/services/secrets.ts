// Site-specific secret handling: push signatures and the sealed pending key. Hashing is utilities/secrets.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

export { digestsEqual, generateSecret, hashSecret, secretPrefix } from '../../../utilities/secrets'

/**
 * What the platform signs key pushes with. The platform never keeps a key itself, so it cannot key an
 * HMAC with it; both sides can compute this one-way digest. It cannot call the platform as the site, but
 * it does authorise pushes to the site: a stolen database lets someone push a key to a site (locking it
 * out until redeployed), not act as it.
 */
export const signingDigest = (key: string): string => createHash('sha256').update(`atelier-site-signing:${key}`).digest('hex')

/** `sha256=<hex>` over `timestamp + "." + body`, the signature of webhooks and key pushes. */
export const signPayload = (secret: Buffer | string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

// A rotated key waits encrypted on its site row until it has been pushed: a retry must push the same key
// the admin was shown. Cleared once delivered or given up on.
const sealKey = (payloadSecret: string) => createHmac('sha256', payloadSecret).update('atelier:sites:pending-key').digest()

export function seal(payloadSecret: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(payloadSecret), iv)
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')
}

export function unseal(payloadSecret: string, token: string): string {
  const [iv, tag, sealed] = token.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !sealed) throw new Error('Malformed sealed value.')
  const decipher = createDecipheriv('aes-256-gcm', sealKey(payloadSecret), iv)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')
}
