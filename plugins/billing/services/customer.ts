// One Stripe customer per studio: made at signup (the provisioner) when Stripe is configured, or on the
// studio's first checkout. The subscriptions row is locked while it is made, and Stripe's idempotency key
// is the tenant's, so two first checkouts at once make one customer.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Subscription, Tenant } from '../../../payload-types'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { paymentsOptions, stripeOf } from '../../payments'
import { subscriptionOf } from './currentPlan'

/** The studio's subscriptions row, made empty if it has none yet; locked until the transaction ends. */
export async function lockSubscriptionRow(req: PayloadRequest, tenantId: number): Promise<Subscription> {
  const db = await transactionDb(req)
  await db.execute(sql`insert into subscriptions (tenant_id, cancel_at_period_end, updated_at, created_at) values (${tenantId}, false, now(), now())
    on conflict (tenant_id) do nothing`)
  await db.execute(sql`select id from subscriptions where tenant_id = ${tenantId} for update`)
  return (await subscriptionOf(req, tenantId))!
}

const customerMetadata = (tenant: Pick<Tenant, 'id' | 'slug'>) => ({ tenant: tenant.slug, tenant_id: String(tenant.id) })

/** The studio's Stripe customer id, made if need be. */
export const ensureCustomer = (req: PayloadRequest, tenant: Tenant, email?: string): Promise<string> =>
  inTransaction(req, async () => {
    const row = await lockSubscriptionRow(req, tenant.id)
    if (row.stripeCustomerId) return row.stripeCustomerId
    const customer = await stripeOf(req.payload).customers.create(
      { email, metadata: customerMetadata(tenant), name: tenant.name },
      { idempotencyKey: `atelier-tenant-${tenant.id}-customer` },
    )
    await req.payload.update({ id: row.id, collection: 'subscriptions', data: { stripeCustomerId: customer.id }, depth: 0, overrideAccess: true, req })
    return customer.id
  })

/**
 * Signup's provisioner: every new studio gets its billing row, and its Stripe customer when Stripe is set up.
 * Stripe being down does not undo a signup: the customer is then made at the first checkout.
 */
export async function provisionBilling({ owner, req, tenant }: { owner: { email: string }; req: PayloadRequest; tenant: Tenant }): Promise<void> {
  await lockSubscriptionRow(req, tenant.id)
  if (!paymentsOptions(req.payload).client) return
  try {
    await ensureCustomer(req, tenant, owner.email)
  } catch (error) {
    req.payload.logger.warn({ err: error, msg: `No Stripe customer for new tenant ${tenant.id} yet; made at its first checkout` })
  }
}
