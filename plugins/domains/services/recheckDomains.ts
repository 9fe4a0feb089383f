// The daily re-verification: a domain whose records went missing fails after a grace period (its owners are
// told once), comes back when they return, and is released when failed for long enough. Run by the
// recheckDomains task; `now` is an input so tests move the clock.
import type { PayloadRequest } from 'payload'

import type { Domain } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { inTransaction } from '../../../utilities/inTransaction'
import { emailLocaleOf } from '../../../utilities/locales'
import { ownersOf } from '../../../utilities/tenantOwners'
import { writeAuditEntry } from '../../audit-log'
import { domainFailedEmail } from './domainEmails'
import { domainsOptions } from './options'
import { dnsProof, lockDomain, proofHolds, writeDomain } from './verification'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export type RecheckResult = { checked: number; failed: number; failing: number; recovered: number; released: number }

type Outcome = 'failed' | 'failing' | 'ok' | 'recovered' | 'released'

/** Re-checks every verified, active and failed domain. Idempotent: each step re-reads the row under lock. */
export async function recheckDomains(req: PayloadRequest, now: Date): Promise<RecheckResult> {
  const { docs: domains } = await req.payload.find({
    collection: 'domains',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    where: { status: { in: ['verified', 'active', 'failed'] } },
  })
  const result: RecheckResult = { checked: 0, failed: 0, failing: 0, recovered: 0, released: 0 }
  for (const domain of domains) {
    const outcome = await recheck(req, domain, now)
    result.checked += 1
    if (outcome !== 'ok') result[outcome] += 1
    if (outcome === 'failed') await mailOwners(req, domain, now)
  }
  return result
}

/** One domain in a transaction of its own; its email goes after the commit. */
async function recheck(req: PayloadRequest, domain: Domain, now: Date): Promise<Outcome> {
  const options = domainsOptions(req.payload)
  const proof = await dnsProof(options, domain)
  return inTransaction(req, async () => {
    const current = await lockDomain(req, domain.id)
    if (!current || current.status === 'pending') return 'ok'
    const base = { checks: { ...(current.checks as object), ...proof }, lastCheckedAt: now.toISOString() }
    if (proofHolds(proof)) {
      const recovered = current.status === 'failed' || current.failingSince !== null
      await writeDomain(req, domain.id, { ...base, failedAt: null, failingSince: null, status: current.status === 'failed' ? 'verified' : current.status })
      return recovered ? 'recovered' : 'ok'
    }
    if (current.status === 'failed') {
      const failedAt = new Date(current.failedAt ?? now)
      if (now.getTime() - failedAt.getTime() < options.releaseAfterDays * DAY_MS) {
        await writeDomain(req, domain.id, base)
        return 'failing'
      }
      await req.payload.delete({ id: domain.id, collection: 'domains', overrideAccess: true, req })
      await writeAuditEntry(req, {
        action: 'domain_released',
        collection: 'domains',
        details: { failedAt: current.failedAt, hostname: domain.hostname, reason: 'dns_records_missing' },
        documentId: domain.id,
        tenant: idOf(domain.tenant) ?? null,
        user: null,
      })
      return 'released'
    }
    // The first time they went missing is kept: the grace period counts from it.
    const failingSince = current.failingSince ?? now.toISOString()
    if (now.getTime() - new Date(failingSince).getTime() < options.failAfterHours * HOUR_MS) {
      await writeDomain(req, domain.id, { ...base, failingSince })
      return 'failing'
    }
    await writeDomain(req, domain.id, { ...base, failedAt: now.toISOString(), failingSince, status: 'failed' })
    return 'failed'
  })
}

/** Every owner of the studio, each in their own language; a failed send is logged, not retried. */
async function mailOwners(req: PayloadRequest, domain: Domain, now: Date): Promise<void> {
  const tenantId = idOf(domain.tenant)
  if (tenantId === null || tenantId === undefined) return
  const { publicUrl, releaseAfterDays } = domainsOptions(req.payload)
  const tenant = await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, overrideAccess: true, req })
  for (const owner of await ownersOf(req, tenantId)) {
    const email = domainFailedEmail({
      domainUrl: `${publicUrl}/admin/collections/domains/${domain.id}`,
      hostname: domain.hostname,
      locale: emailLocaleOf(owner.languagePreference),
      releaseOn: new Date(now.getTime() + releaseAfterDays * DAY_MS),
      studioName: tenant.name,
      timeZone: tenant.timezone,
    })
    try {
      await req.payload.sendEmail({ ...email, to: owner.email })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Domain failed email to an owner of tenant ${tenantId} failed` })
    }
  }
}
