// SSRF protection: the platform calls sites back, so a site's host must resolve only to public addresses.
import { BlockList, isIP } from 'node:net'
import { promises as dns } from 'node:dns'

const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can reach private IPv4
  ['fc00::', 7], // unique local, incl. fd00:ec2::254 metadata
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6')
}

/** True for loopback, private, link-local, metadata and other non-public addresses (and non-addresses). */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return true
  // IPv4-mapped IPv6 (either spelling): a site has no reason to resolve to one.
  if (family === 6 && /^(0{0,4}:){0,5}:?ffff:/i.test(address)) return true
  return blocked.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

export type HostResolver = (host: string) => Promise<string[]>

/**
 * The system resolver, or the DNS server at `server` (`host:port`) when set: tests point it at a
 * loopback server; production can pin a trusted resolver.
 */
export function createHostResolver(server?: string): HostResolver {
  if (!server) {
    return async (host) => (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address)
  }
  const resolver = new dns.Resolver({ timeout: 3_000, tries: 2 })
  resolver.setServers([server])
  return async (host) => {
    const settled = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)])
    return settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []))
  }
}

export type AddressVerdict = { addresses: string[]; ok: true } | { message: string; ok: false }

/** Resolves `host`; refuses names that do not resolve or resolve to any non-public address. */
export async function checkPublicHost(host: string, resolve: HostResolver): Promise<AddressVerdict> {
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : await resolve(host)
  } catch {
    addresses = []
  }
  if (addresses.length === 0) return { message: `${host} does not resolve.`, ok: false }
  if (addresses.some(isNonPublicAddress)) return { message: `${host} resolves to a non-public address.`, ok: false }
  return { addresses, ok: true }
}
