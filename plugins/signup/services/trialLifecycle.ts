// The end of a trial: owners are reminded a few days before, and a studio nobody pays for is suspended when
// it comes (nothing deleted). Run daily by the trialLifecycle task; `now` is an input so tests move the clock.
import type { SQL } from 'drizzle-orm'
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Tenant } from '../../../payload-types'

import { inTransaction } from '../../../utilities/inTransaction'
import { emailLocaleOf } from '../../../utilities/locales'
import { ownersOf } from '../../../utilities/tenantOwners'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { signupOptions } from './options'
import { isTenantPaid } from './seams'
import { trialEmail, type TrialEmailKind } from './trialEmails'

const DAY_MS = 86_400_000

export type TrialLifecycleResult = { reminded: number; suspended: number }

/** Reminds, then suspends, each studio whose trial ends within the reminder window of `now`. Idempotent. */
export async function runTrialLifecycle(req: PayloadRequest, now: Date): Promise<TrialLifecycleResult> {
  const { trialReminderDays } = signupOptions(req.payload)
  const horizon = new Date(now.getTime() + trialReminderDays * DAY_MS)
  const { docs: tenants } = await req.payload.find({
    collection: 'tenants',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    sort: 'trialEndsAt',
    where: { and: [{ status: { equals: 'trial' } }, { trialEndsAt: { less_than_equal: horizon.toISOString() } }] },
  })
  const result: TrialLifecycleResult = { reminded: 0, suspended: 0 }
  for (const tenant of tenants) {
    // A paid studio is billing's to run: no reminder of an end that will not come, no suspension.
    if (await isTenantPaid(req, tenant)) continue
    if (new Date(tenant.trialEndsAt!) <= now) {
      if (!(await suspend(req, tenant, now))) continue
      result.suspended += 1
      await mailOwners(req, tenant, 'suspended')
    } else if (!tenant.trialReminderSentAt && (await markReminded(req, tenant, now))) {
      result.reminded += 1
      await mailOwners(req, tenant, 'reminder')
    }
  }
  return result
}

/**
 * Each step re-checks the tenant under its row lock, in a transaction of its own, so that two runs at once
 * act once; its emails go after the commit.
 */
async function lockedTrial(req: PayloadRequest, tenantId: number, condition: SQL): Promise<boolean> {
  const db = await transactionDb(req)
  const locked = (await db.execute(sql`select id from tenants where id = ${tenantId} and status = 'trial' and ${condition} for update`)) as { rows: unknown[] }
  return locked.rows.length > 0
}

const markReminded = (req: PayloadRequest, tenant: Tenant, now: Date): Promise<boolean> =>
  inTransaction(req, async () => {
    if (!(await lockedTrial(req, tenant.id, sql`trial_reminder_sent_at is null`))) return false
    await req.payload.update({ id: tenant.id, collection: 'tenants', data: { trialReminderSentAt: now.toISOString() }, depth: 0, overrideAccess: true, req })
    return true
  })

const suspend = (req: PayloadRequest, tenant: Tenant, now: Date): Promise<boolean> =>
  inTransaction(req, async () => {
    if (!(await lockedTrial(req, tenant.id, sql`trial_ends_at <= ${now.toISOString()}::timestamptz`))) return false
    await req.payload.update({ id: tenant.id, collection: 'tenants', data: { status: 'suspended' }, depth: 0, overrideAccess: true, req })
    await writeAuditEntry(req, {
      action: 'tenant_suspended',
      collection: 'tenants',
      details: { reason: 'trial_ended', trialEndsAt: tenant.trialEndsAt },
      documentId: tenant.id,
      tenant: tenant.id,
      tenantTimeZone: tenant.timezone,
      user: null,
    })
    return true
  })

/** Every owner of the studio, each in their own language; a failed send is logged, not retried. */
async function mailOwners(req: PayloadRequest, tenant: Tenant, kind: TrialEmailKind): Promise<void> {
  const adminUrl = `${signupOptions(req.payload).publicUrl}/admin`
  for (const owner of await ownersOf(req, tenant.id)) {
    const email = trialEmail(kind, {
      adminUrl,
      locale: emailLocaleOf(owner.languagePreference),
      studioName: tenant.name,
      timeZone: tenant.timezone,
      trialEndsAt: new Date(tenant.trialEndsAt!),
    })
    try {
      await req.payload.sendEmail({ ...email, to: owner.email })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Trial ${kind} email to an owner of tenant ${tenant.id} failed` })
    }
  }
}
