// The client's address as our own proxies saw it. Entries a client puts in X-Forwarded-For are its own
// claims; only those appended by proxies we run can be believed.

/**
 * With `trustedProxies` proxies in front of the app, each appending the address it received from, the
 * client is the entry that many places from the right (the leftmost entry when there are fewer).
 */
export function clientIp(headers: Pick<Headers, 'get'> | undefined, trustedProxies: number): null | string {
  const hops = (headers?.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return headers?.get('x-real-ip') ?? null
  return hops[Math.max(0, hops.length - Math.max(1, trustedProxies))] ?? null
}
