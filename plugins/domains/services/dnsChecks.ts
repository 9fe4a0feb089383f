// The DNS proof of a custom domain, answered so that an owner can fix their records from it: each check
// says what was expected and what DNS returned. Takes a DnsLookup, so it knows nothing of Payload.
import { isIP } from 'node:net'

import type { DnsLookup } from './dnsResolver'

import { challengeName } from './hostname'

export type CheckResult = {
  /** Set when the lookup itself failed (timeout, refused): the answer says nothing about the records. */
  error?: string
  expected: string[]
  found: string[]
  /** The DNS name asked. */
  name: string
  ok: boolean
  /** The record type the answer is about. */
  type: 'A/AAAA' | 'CAA' | 'CNAME' | 'TXT'
}

export type TargetOptions = { cnameTarget: string; edgeIps: string[] }

const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })

/** TXT `_atelier-challenge.<hostname>` holds the domain's token (among others, if any). */
export async function checkChallenge(lookup: DnsLookup, hostname: string, token: null | string | undefined): Promise<CheckResult> {
  const name = challengeName(hostname)
  const expected = token ? [token] : []
  try {
    const found = await lookup.txt(name)
    return { expected, found, name, ok: Boolean(token) && found.includes(token!), type: 'TXT' }
  } catch (error) {
    return { ...failure(error), expected, found: [], name, ok: false, type: 'TXT' }
  }
}

/** Canonical text of an address, so that `2001:DB8::1` and `2001:db8:0::1` compare equal. */
const canonicalAddress = (address: string) => {
  if (isIP(address) !== 6) return address
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1)
  } catch {
    return address.toLowerCase()
  }
}

/**
 * A CNAME to the edge; or, for an apex (which cannot have one), A/AAAA records that are all edge addresses.
 * Without either, the expected CNAME is what the answer shows.
 */
export async function checkTarget(lookup: DnsLookup, hostname: string, { cnameTarget, edgeIps }: TargetOptions): Promise<CheckResult> {
  try {
    const cnames = await lookup.cname(hostname)
    if (cnames.length > 0) return { expected: [cnameTarget], found: cnames, name: hostname, ok: cnames.includes(cnameTarget), type: 'CNAME' }
    const addresses = await lookup.addresses(hostname)
    if (addresses.length === 0) return { expected: [cnameTarget], found: [], name: hostname, ok: false, type: 'CNAME' }
    const edge = new Set(edgeIps.map(canonicalAddress))
    const ok = addresses.every((address) => edge.has(canonicalAddress(address)))
    return { expected: edgeIps, found: addresses, name: hostname, ok, type: 'A/AAAA' }
  } catch (error) {
    return { ...failure(error), expected: [cnameTarget], found: [], name: hostname, ok: false, type: 'CNAME' }
  }
}

/** `0 issue "letsencrypt.org"`: a CAA record as a zone file writes it. */
const caaText = (record: { critical: number; tag: string; value: string }) => `${record.critical} ${record.tag} "${record.value}"`

/**
 * RFC 8659: the relevant CAA set is the first found walking from the hostname up its parents. The CA may
 * issue when there is none, when it has no `issue` property (that restricts wildcards only), or when an
 * `issue` property names the CA (its value's domain, before any `;` parameters).
 */
export async function checkCaa(lookup: DnsLookup, hostname: string, caDomain: string): Promise<CheckResult> {
  const expected = [`0 issue "${caDomain}"`]
  const labels = hostname.split('.')
  try {
    for (let index = 0; index < labels.length; index++) {
      const name = labels.slice(index).join('.')
      const records = await lookup.caa(name)
      if (records.length === 0) continue
      const issuers = records.filter((record) => record.tag === 'issue').map((record) => record.value.split(';')[0]!.trim().toLowerCase())
      const ok = issuers.length === 0 || issuers.includes(caDomain)
      return { expected, found: records.map(caaText), name, ok, type: 'CAA' }
    }
    return { expected, found: [], name: hostname, ok: true, type: 'CAA' }
  } catch (error) {
    return { ...failure(error), expected, found: [], name: hostname, ok: false, type: 'CAA' }
  }
}
