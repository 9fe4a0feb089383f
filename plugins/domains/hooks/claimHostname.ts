import type { CollectionBeforeChangeHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { randomBytes } from 'node:crypto'
import { ValidationError } from 'payload'

import type { Domain } from '../../../payload-types'

import { conflict } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { enforcePlanLimit } from '../../billing'
import { normaliseHostname } from '../services/hostname'
import { domainsOptions } from '../services/options'

// Arbitrary, beside booking's 73xx and billing's 74xx: one lock per hostname while it is claimed.
const CLAIM_LOCK_NAMESPACE = 7_501

/** A claim starts over: a new token (128 bits and more), pending, not primary. */
const freshClaim = () => ({
  checks: null,
  claimedAt: new Date().toISOString(),
  failedAt: null,
  failingSince: null,
  lastCheckedAt: null,
  primary: false,
  status: 'pending' as const,
  verificationToken: randomBytes(24).toString('base64url'),
})

const invalid = (message: string) => new ValidationError({ errors: [{ message, path: 'hostname' }] })

/**
 * The hostname in its one stored form, claimed under a per-hostname lock: another studio's verified (or
 * active, or failed) claim is 409; its pending claim older than the claim window is taken over (deleted,
 * audited) and proven afresh. Within the plan's domain limit. A hostname never changes; a domain moved to
 * another studio (operators only) loses its verification.
 */
export const claimHostname: CollectionBeforeChangeHook<Domain> = async ({ data, operation, originalDoc, req }) => {
  const { pendingClaimDays, platformHost } = domainsOptions(req.payload)
  if (operation === 'update') {
    if (data.hostname !== undefined && data.hostname !== originalDoc?.hostname) {
      const verdict = normaliseHostname(String(data.hostname ?? ''), platformHost)
      if (!verdict.ok || verdict.hostname !== originalDoc?.hostname) throw invalid('A domain’s hostname cannot change: add the new one instead.')
    }
    // The stored form stays, whatever spelling of it came in.
    data = { ...data, hostname: originalDoc?.hostname }
    const movedTenant = data.tenant !== undefined && idOf(data.tenant) !== idOf(originalDoc?.tenant)
    return movedTenant ? { ...data, ...freshClaim() } : data
  }
  const verdict = normaliseHostname(String(data.hostname ?? ''), platformHost)
  if (!verdict.ok) throw invalid(verdict.message)
  const { hostname } = verdict
  const tenant = Number(idOf(data.tenant))
  const db = await transactionDb(req)
  await db.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_NAMESPACE}, hashtext(${hostname}))`)
  const { rows } = (await db.execute(sql`select id, tenant_id, status, claimed_at < now() - make_interval(days => ${pendingClaimDays}) as lapsed
    from domains where hostname = ${hostname} for update`)) as { rows: { id: number; lapsed: boolean | null; status: Domain['status']; tenant_id: null | number }[] }
  const existing = rows[0]
  if (existing && existing.tenant_id === tenant) throw conflict(`${hostname} is already one of this studio’s domains.`, 'domain_taken')
  if (existing && !(existing.status === 'pending' && existing.lapsed)) throw conflict(`${hostname} is claimed by another studio.`, 'domain_taken')
  if (existing) {
    await req.payload.delete({ id: existing.id, collection: 'domains', overrideAccess: true, req })
    await writeAuditEntry(req, { action: 'domain_claim_taken_over', collection: 'domains', details: { from: existing.tenant_id, hostname }, documentId: existing.id, tenant: existing.tenant_id })
  }
  if (Number.isInteger(tenant)) await enforcePlanLimit(req, tenant, 'customDomains')
  return { ...data, ...freshClaim(), hostname }
}
