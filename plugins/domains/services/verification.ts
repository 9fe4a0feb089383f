// Running the checks of one domain and storing what they found: the verify endpoint, the doctor and the job
// share it. DNS and TLS are asked first, outside any transaction; the write then re-reads the row under lock.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Domain } from '../../../payload-types'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { checkCaa, checkChallenge, checkTarget, type CheckResult } from './dnsChecks'
import { createDnsLookup } from './dnsResolver'
import { domainsOptions, type ResolvedDomainsOptions } from './options'
import { probeTls, type TlsResult } from './tlsProbe'

export type DnsProof = { target: CheckResult; txt: CheckResult }
export type Diagnosis = DnsProof & { caa: CheckResult; tls: TlsResult }
export type LockedDomain = Pick<Domain, 'checks' | 'failedAt' | 'failingSince' | 'id' | 'status'>

export const proofHolds = (proof: DnsProof) => proof.txt.ok && proof.target.ok

/** Both DNS checks of the proof: the challenge TXT and the CNAME (or apex addresses). */
export async function dnsProof(options: ResolvedDomainsOptions, domain: Pick<Domain, 'hostname' | 'verificationToken'>): Promise<DnsProof> {
  const lookup = createDnsLookup(options.dnsServer)
  const [txt, target] = await Promise.all([checkChallenge(lookup, domain.hostname, domain.verificationToken), checkTarget(lookup, domain.hostname, options)])
  return { target, txt }
}

/** The row as it is now, locked until the transaction ends; null once deleted. Call inside `inTransaction`. */
export async function lockDomain(req: PayloadRequest, id: number): Promise<LockedDomain | null> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select id, status, checks, failing_since, failed_at from domains where id = ${id} for update`)) as {
    rows: { checks: unknown; failed_at: Date | null | string; failing_since: Date | null | string; id: number; status: Domain['status'] }[]
  }
  const row = rows[0]
  if (!row) return null
  const iso = (value: Date | null | string) => (value === null ? null : new Date(value).toISOString())
  return { checks: row.checks as Domain['checks'], failedAt: iso(row.failed_at), failingSince: iso(row.failing_since), id: row.id, status: row.status }
}

const previousChecks = (domain: LockedDomain) => (domain.checks && typeof domain.checks === 'object' && !Array.isArray(domain.checks) ? domain.checks : {})

/** Writes as the server (the fields are server-written) in the request's transaction. */
export const writeDomain = (req: PayloadRequest, id: number, data: Partial<Domain>) =>
  req.payload.update({ id, collection: 'domains', data, depth: 0, overrideAccess: true, req })

/**
 * POST verify: the proof holding makes a pending (or failed) domain verified and forgets any failure; an
 * active one stays active. Otherwise the status stays as it is.
 */
export async function verifyDomain(req: PayloadRequest, domain: Domain, now: Date): Promise<{ checks: DnsProof; status: Domain['status'] }> {
  const proof = await dnsProof(domainsOptions(req.payload), domain)
  return inTransaction(req, async () => {
    const current = await lockDomain(req, domain.id)
    if (!current) return { checks: proof, status: domain.status }
    const holds = proofHolds(proof)
    const status = holds && (current.status === 'pending' || current.status === 'failed') ? 'verified' : current.status
    await writeDomain(req, domain.id, {
      checks: { ...previousChecks(current), ...proof },
      lastCheckedAt: now.toISOString(),
      status,
      ...(holds ? { failedAt: null, failingSince: null } : {}),
    })
    return { checks: proof, status }
  })
}

const notProbed = (hostname: string, probeAddress: string | undefined): TlsResult => ({
  address: probeAddress ?? `${hostname}:443`,
  authorized: false,
  authorizationError: null,
  covers: false,
  daysLeft: null,
  error: 'Not probed: the DNS records do not point at the edge yet.',
  issuer: null,
  notAfter: null,
  ok: false,
  subjectAltNames: [],
})

/**
 * GET status, the doctor: the proof, CAA and a TLS handshake. A verified domain whose proof holds and whose
 * certificate covers it and is unexpired turns active. Browser trust (`tls.authorized`) is reported, not
 * required: the handshake may go to the edge's own address, and a CA's staging chain still proves the edge serves it.
 */
export async function diagnoseDomain(req: PayloadRequest, domain: Domain, now: Date): Promise<{ checks: Diagnosis; status: Domain['status'] }> {
  const options = domainsOptions(req.payload)
  const [proof, caa] = await Promise.all([dnsProof(options, domain), checkCaa(createDnsLookup(options.dnsServer), domain.hostname, options.tlsCaDomain)])
  // Only a host whose records point at the edge is shaken hands with: else the doctor would probe wherever
  // an owner's A record points (loopback, the private network).
  const tls = proofHolds(proof) ? await probeTls(domain.hostname, now, options.tlsProbeAddress) : notProbed(domain.hostname, options.tlsProbeAddress)
  const checks: Diagnosis = { ...proof, caa, tls }
  return inTransaction(req, async () => {
    const current = await lockDomain(req, domain.id)
    if (!current) return { checks, status: domain.status }
    const status = current.status === 'verified' && proofHolds(proof) && tls.ok ? 'active' : current.status
    await writeDomain(req, domain.id, { checks: { ...previousChecks(current), ...checks }, lastCheckedAt: now.toISOString(), status })
    return { checks, status }
  })
}
