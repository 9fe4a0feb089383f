// The client's address as our own proxies saw it. Entries a client puts in X-Forwarded-For are its own
// claims; only those appended by proxies we run can be believed.
import { isIP } from 'node:net'

/** An address as proxies write it (`1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:443`, `2001:db8::1`); null otherwise. */
function addressOf(entry: null | string | undefined): null | string {
  if (!entry) return null
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1]
  const candidate = bracketed ?? (/^[\d.]+:\d+$/.test(entry) ? entry.slice(0, entry.lastIndexOf(':')) : entry)
  return isIP(candidate) ? candidate : null
}

/**
 * With `trustedProxies` proxies in front of the app, each appending the address it received from, the
 * client is the entry that many places from the right (the leftmost entry when there are fewer). With
 * none, nothing in the request says who sent it: Next puts the socket address in X-Forwarded-For only
 * when the client sent no such header, and route handlers see no socket. So the address is unknown.
 */
export function clientIp(headers: Pick<Headers, 'get'> | undefined, trustedProxies: number): null | string {
  if (trustedProxies < 1) return null
  const hops = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return addressOf(headers?.get('x-real-ip'))
  return addressOf(hops[Math.max(0, hops.length - trustedProxies)])
}

/** What the server says at start about the addresses it will believe. */
export const trustedProxiesNotice = (trustedProxies: number): string =>
  trustedProxies < 1
    ? 'ATELIER_TRUSTED_PROXIES=0: X-Forwarded-For is ignored and client addresses are unknown (audit entries carry none, per-IP rate limits count all clients together). Behind Caddy or a load balancer, set it to the number of proxies.'
    : `ATELIER_TRUSTED_PROXIES=${trustedProxies}: the client address is X-Forwarded-For entry ${trustedProxies} from the right, as appended by our proxies.`
