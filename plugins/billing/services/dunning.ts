// Dunning: a failed invoice makes the subscription past due and tells the owners; after the grace period
// still unpaid, the studio is suspended (nothing deleted); a paid invoice reopens it (subscriptionSync).
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Subscription } from '../../../payload-types'

import { inTransaction } from '../../../utilities/inTransaction'
import { emailLocaleOf } from '../../../utilities/locales'
import { ownersOf } from '../../../utilities/tenantOwners'
import { transactionDb } from '../../../utilities/transactionDb'
import { type BillingEmailKind, billingEmail } from './billingEmails'
import { billingOptions } from './options'
import { setTenantStatus } from './subscriptionSync'

const DAY_MS = 86_400_000

export const graceEndOf = (req: PayloadRequest, pastDueSince: string): Date => new Date(Date.parse(pastDueSince) + billingOptions(req.payload).graceDays * DAY_MS)

async function mailOwners(req: PayloadRequest, tenantId: number, kind: BillingEmailKind, suspendOn: Date): Promise<void> {
  const tenant = await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, overrideAccess: true, req })
  const adminUrl = `${billingOptions(req.payload).publicUrl}/api/billing/portal?tenant=${tenantId}`
  for (const owner of await ownersOf(req, tenantId)) {
    const email = billingEmail(kind, { adminUrl, locale: emailLocaleOf(owner.languagePreference), studioName: tenant.name, suspendOn, timeZone: tenant.timezone })
    try {
      await req.payload.sendEmail({ ...email, to: owner.email })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `Billing ${kind} email to an owner of tenant ${tenantId} failed` })
    }
  }
}

export const mailOwnersPaymentFailed = (req: PayloadRequest, tenantId: number, row: Subscription): Promise<void> =>
  mailOwners(req, tenantId, 'paymentFailed', graceEndOf(req, row.pastDueSince ?? new Date().toISOString()))

/** Suspends each studio whose subscription has been past due for the whole grace period. Idempotent. */
export async function suspendUnpaid(req: PayloadRequest, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - billingOptions(req.payload).graceDays * DAY_MS)
  const { rows } = (await (await transactionDb(req)).execute(sql`select s.tenant_id from subscriptions s join tenants t on t.id = s.tenant_id
    where s.status = 'past_due' and s.past_due_since <= ${cutoff.toISOString()}::timestamptz and t.status <> 'suspended'`)) as { rows: { tenant_id: number }[] }
  let suspended = 0
  for (const { tenant_id: tenantId } of rows) {
    const done = await inTransaction(req, async () => {
      // Under the tenant's lock, still unpaid: a payment that landed meanwhile wins.
      const db = await transactionDb(req)
      const { rows: still } = (await db.execute(sql`select t.id from tenants t join subscriptions s on s.tenant_id = t.id where t.id = ${tenantId}
        and t.status <> 'suspended' and s.status = 'past_due' and s.past_due_since <= ${cutoff.toISOString()}::timestamptz for update of t`)) as { rows: unknown[] }
      if (still.length === 0) return false
      const tenant = await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, overrideAccess: true, req })
      await setTenantStatus(req, tenant, 'suspended', 'unpaid_after_grace')
      return true
    })
    if (!done) continue
    suspended += 1
    await mailOwners(req, tenantId, 'suspendedUnpaid', now)
  }
  return suspended
}
