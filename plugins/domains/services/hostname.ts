// Hostnames as studios type them, made into the one form they are stored and compared in. Pure.
import { isIP } from 'node:net'
import { domainToASCII } from 'node:url'

export type HostnameVerdict = { hostname: string; ok: true } | { message: string; ok: false }

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * Lowercase, IDN to punycode, no trailing dot; refuses ports, IP literals, bad labels, names over 253
 * characters, single labels and numeric top-level labels, and the platform's own host or its subdomains.
 */
export function normaliseHostname(input: string, platformHost: string): HostnameVerdict {
  const trimmed = input.trim().replace(/\.$/, '')
  if (trimmed === '') return { message: 'Enter a hostname, e.g. book.your-studio.com.', ok: false }
  if (/[/:@\s\\?#[\]]/.test(trimmed)) return { message: 'Enter the hostname alone: no scheme, port, path or spaces.', ok: false }
  if (isIP(trimmed)) return { message: 'An IP address cannot be a studio’s domain.', ok: false }
  const ascii = domainToASCII(trimmed.toLowerCase())
  if (!ascii) return { message: 'This is not a valid hostname.', ok: false }
  if (ascii.length > 253) return { message: 'A hostname has at most 253 characters.', ok: false }
  const labels = ascii.split('.')
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return { message: 'This is not a valid hostname.', ok: false }
  if (/^\d+$/.test(labels.at(-1)!)) return { message: 'This is not a valid hostname.', ok: false }
  const platform = platformHost.toLowerCase()
  if (ascii === platform || ascii.endsWith(`.${platform}`)) return { message: 'This is the platform’s own host.', ok: false }
  return { hostname: ascii, ok: true }
}

/** The challenge record's name for a hostname. */
export const challengeName = (hostname: string) => `_atelier-challenge.${hostname}`

/** The hostname of a Host header without its numeric port (`name:8443`, `[::1]:443`); anything else as it came. */
export function hostOfHeader(host: string): string {
  const value = host.trim()
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?$/.exec(value)
  if (bracketed) return bracketed[1]!
  return value.replace(/:\d{1,5}$/, '')
}
