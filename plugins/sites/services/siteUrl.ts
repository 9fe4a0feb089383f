// Site URLs: one canonical form per site, and the host policy registrations must pass. Pure.
import { isIP } from 'node:net'

export type UrlPolicy = {
  /** Domain suffixes a site may live under, matched on a label boundary. */
  allowedDomains: string[]
  /** Hosts that may use plain http (development only). */
  httpHosts: string[]
}

/**
 * Lowercase host, no userinfo, query, fragment, default port or trailing slash. Null when `raw` is not an
 * absolute http(s) URL.
 */
export function normaliseSiteUrl(raw: string): URL | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (!url.hostname) return null
  url.username = ''
  url.password = ''
  // `host.` and `host` are the same host.
  url.hostname = url.hostname.replace(/\.+$/, '')
  url.search = ''
  url.hash = ''
  // WHATWG URL already lowercases the host and drops the scheme's default port.
  url.pathname = url.pathname.replace(/\/+$/, '') || '/'
  return url
}

/** The canonical string: no trailing slash, even at the root. */
export const siteUrlString = (url: URL): string => url.toString().replace(/\/+$/, '')

/** The host without IPv6 brackets or a trailing dot. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')

/** `a.onrender.com` is under `onrender.com`; `evilonrender.com` and `onrender.com.evil.net` are not. */
export function isUnderAllowedDomain(host: string, allowedDomains: string[]): boolean {
  const name = host.toLowerCase()
  return allowedDomains.some((suffix) => {
    const domain = suffix.trim().toLowerCase().replace(/^\.+/, '')
    return domain.length > 0 && (name === domain || name.endsWith(`.${domain}`))
  })
}

export const isLocalName = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost')

export const isIpLiteral = (host: string): boolean => isIP(host) !== 0

export type UrlVerdict = { ok: true } | { message: string; ok: false; status: 400 | 403 }

/** Checks that need no network: scheme, allowlist, IP literals and local names. */
export function checkSiteUrl(url: URL, policy: UrlPolicy & { allowPrivate: boolean }): UrlVerdict {
  const host = bareHost(url)
  if (url.protocol === 'http:' && !policy.httpHosts.includes(host)) {
    return { message: 'site_url must use https.', ok: false, status: 400 }
  }
  if (!isUnderAllowedDomain(host, policy.allowedDomains)) {
    return { message: `Sites may only be hosted under: ${policy.allowedDomains.join(', ')}.`, ok: false, status: 403 }
  }
  if (!policy.allowPrivate && (isIpLiteral(host) || isLocalName(host))) {
    return { message: 'site_url must name a public host, not an address or a local name.', ok: false, status: 403 }
  }
  if (url.port !== '' && !policy.httpHosts.includes(host)) {
    // One site per host: on its default port (a development host may pick a port).
    return { message: 'site_url must use the default port.', ok: false, status: 400 }
  }
  if (url.pathname !== '/') {
    // A site is a deployment of its own: one per host, at its root, so no two artists can share a host.
    return { message: 'site_url must be the site’s root address, without a path.', ok: false, status: 400 }
  }
  return { ok: true }
}
