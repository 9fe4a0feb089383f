// The DNS questions the domain checks ask, through one resolver: the system's, or ATELIER_DNS_SERVER's.
import { promises as dns } from 'node:dns'

export type CaaRecord = { critical: number; tag: string; value: string }

/** Each answers [] when the name has no such record (or does not exist); other failures throw. */
export type DnsLookup = {
  addresses: (name: string) => Promise<string[]>
  caa: (name: string) => Promise<CaaRecord[]>
  cname: (name: string) => Promise<string[]>
  txt: (name: string) => Promise<string[]>
}

// "No such record" and "no such name" are answers, not failures: the owner has not published it (yet).
const NO_RECORD = new Set<string>([dns.NODATA, dns.NOTFOUND])

const orNone = async <T>(question: Promise<T[]>): Promise<T[]> => {
  try {
    return await question
  } catch (error) {
    if (NO_RECORD.has((error as { code?: string }).code ?? '')) return []
    throw error
  }
}

const CAA_TAGS = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone'] as const

/** `server` is `host:port`; unset, the system's resolvers. */
export function createDnsLookup(server?: string): DnsLookup {
  const resolver = new dns.Resolver({ timeout: 3_000, tries: 2 })
  if (server) resolver.setServers([server])
  return {
    addresses: async (name) => [...(await orNone(resolver.resolve4(name))), ...(await orNone(resolver.resolve6(name)))],
    caa: async (name) =>
      (await orNone(resolver.resolveCaa(name))).flatMap((record) =>
        CAA_TAGS.flatMap((tag) => (record[tag] === undefined ? [] : [{ critical: record.critical, tag, value: String(record[tag]) }])),
      ),
    cname: async (name) => (await orNone(resolver.resolveCname(name))).map((target) => target.toLowerCase().replace(/\.$/, '')),
    txt: async (name) => (await orNone(resolver.resolveTxt(name))).map((chunks) => chunks.join('')),
  }
}
