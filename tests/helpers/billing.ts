// Billing tests: the app with payments configured against the local Stripe fake, signed webhook delivery,
// and a studio subscribed end to end (checkout, the customer paying, the webhooks Stripe would send).
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Plan, Subscription, Tenant } from '../../payload-types'
import type { FakeStripe } from './fakeStripe'
import type { TestApp } from './payload'

export const BILLING_SECRET_KEY = 'sk_test_atelier_billing_0123456789abcdef'
export const BILLING_WEBHOOK_SECRET = 'whsec_atelier_billing_test_secret'

export const billingEnv = (stripe: FakeStripe) => ({
  ATELIER_PUBLIC_URL: 'https://atelier.example.com',
  STRIPE_API_BASE: stripe.url,
  STRIPE_SECRET_KEY: BILLING_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: BILLING_WEBHOOK_SECRET,
})

export type Delivered = { eventId: string; payload: string; response: Response }

/** Signs and posts an event as Stripe would; `again` re-posts the very same event (same id). */
export function webhookSender(app: TestApp, stripe: FakeStripe) {
  const post = (payload: string) =>
    app.rest.post('/stripe/webhooks', payload, { headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.sign(payload, BILLING_WEBHOOK_SECRET) } })
  return {
    again: (delivered: Pick<Delivered, 'payload'>) => post(delivered.payload),
    deliver: async (type: string, object: object): Promise<Delivered> => {
      const event = stripe.event(type, object)
      return { eventId: event.id, payload: event.payload, response: await post(event.payload) }
    },
    prepare: (type: string, object: object) => {
      const event = stripe.event(type, object)
      return { eventId: event.id, payload: event.payload }
    },
  }
}

export const planByCode = async (payload: Payload, code: string): Promise<Plan> =>
  (await payload.find({ collection: 'plans', limit: 1, where: { code: { equals: code } } })).docs[0]!

export const subscriptionRow = async (payload: Payload, tenant: Pick<Tenant, 'id'>): Promise<null | Subscription> =>
  (await payload.find({ collection: 'subscriptions', depth: 0, limit: 1, where: { tenant: { equals: tenant.id } } })).docs[0] ?? null

export const walletOf = async (payload: Payload, tenant: Pick<Tenant, 'id'>) =>
  ((await payload.db.drizzle.execute(sql`select balance, grant_remaining from credit_wallets where tenant_id = ${tenant.id}`)) as unknown as { rows: { balance: number; grant_remaining: number }[] }).rows[0] ?? {
    balance: 0,
    grant_remaining: 0,
  }

export const ledgerOf = async (payload: Payload, tenant: Pick<Tenant, 'id'>) =>
  (
    (await payload.db.drizzle.execute(sql`select kind, amount::int as amount, reference from credit_ledger where tenant_id = ${tenant.id} order by id`)) as unknown as {
      rows: { amount: number; kind: string; reference: string }[]
    }
  ).rows
