// Buying an AI-credit pack: a Stripe Checkout Session in payment mode, and the webhook that credits it. The
// credits arrive only from the webhook, once per PaymentIntent (the ledger's unique reference), and only as
// many as the pack in our database holds for the price Stripe says was paid.
import type { Config, PayloadRequest } from 'payload'
import type Stripe from 'stripe'

import { sql } from '@payloadcms/db-postgres'
import { createHash } from 'node:crypto'

import type { CreditPack, Tenant } from '../../../payload-types'
import type { ContentLocale } from '../../../utilities/locales'

import { notFound } from '../../../utilities/apiErrors'
import { transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { type EventOutcome, registerStripeEventHandler, stripeOf } from '../../payments'
import { addPurchasedCredits } from './credits'
import { subscriptionOf } from './currentPlan'
import { billingOptions } from './options'
import { customerIdOf } from './subscriptionSync'

export const CREDIT_PACK_PURPOSE = 'credit_pack'
const BUCKET_MS = 15 * 60_000
const MAX_ID = 2 ** 31 - 1

type PackMetadata = { atelier_purpose: typeof CREDIT_PACK_PURPOSE; credits: string; pack_id: string; tenant_id: string; user_id: string }

/** An active pack, its name in `locale`; 404 for an unknown or inactive one. */
export async function activePack(req: PayloadRequest, packId: number, locale: ContentLocale): Promise<CreditPack> {
  const { docs } = await req.payload.find({
    collection: 'credit-packs',
    depth: 0,
    limit: 1,
    locale,
    overrideAccess: true,
    req,
    where: { and: [{ id: { equals: packId } }, { active: { equals: true } }] },
  })
  if (!docs[0]) throw notFound('No such credit pack.')
  return docs[0]
}

export async function createPackCheckout(req: PayloadRequest, tenant: Tenant, packId: number): Promise<{ id: string; url: string }> {
  const user = req.user!
  const pack = await activePack(req, packId, tenant.defaultLocale)
  const customer = (await subscriptionOf(req, tenant.id))?.stripeCustomerId
  const { publicUrl } = billingOptions(req.payload)
  const metadata: PackMetadata = { atelier_purpose: CREDIT_PACK_PURPOSE, credits: String(pack.credits), pack_id: String(pack.id), tenant_id: String(tenant.id), user_id: String(user.id) }
  const params: Stripe.Checkout.SessionCreateParams = {
    cancel_url: `${publicUrl}/admin?credits=cancelled`,
    client_reference_id: String(tenant.id),
    ...(customer ? { customer } : { customer_email: user.email }),
    line_items: [{ price_data: { currency: pack.currency.toLowerCase(), product_data: { name: pack.name }, unit_amount: pack.price }, quantity: 1 }],
    metadata,
    mode: 'payment',
    payment_intent_data: { metadata },
    success_url: `${publicUrl}/admin?credits=success`,
  }
  // Stable for a quarter hour while the parameters are: a retried request gets the same session back, and a
  // changed pack or a new customer gets a new key instead of Stripe's idempotency error.
  const bucket = Math.floor(Date.now() / BUCKET_MS)
  const digest = createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16)
  const session = await stripeOf(req.payload).checkout.sessions.create(params, { idempotencyKey: `atelier-tenant-${tenant.id}-credit-pack-${pack.id}-${digest}-${bucket}` })
  return { id: session.id, url: session.url ?? '' }
}

const idFrom = (value: string | undefined): null | number => {
  if (!value || !/^\d{1,10}$/.test(value)) return null
  const id = Number(value)
  return id > 0 && id <= MAX_ID ? id : null
}

async function existingId(req: PayloadRequest, table: 'tenants' | 'users', id: null | number): Promise<null | number> {
  if (id === null) return null
  const db = await transactionDb(req)
  const query = table === 'tenants' ? sql`select id from tenants where id = ${id}` : sql`select id from users where id = ${id}`
  const { rows } = (await db.execute(query)) as { rows: { id: number }[] }
  return rows[0]?.id ?? null
}

async function tenantOfCustomer(req: PayloadRequest, customer: string): Promise<null | number> {
  const { rows } = (await (await transactionDb(req)).execute(sql`select tenant_id from subscriptions where stripe_customer_id = ${customer}`)) as { rows: { tenant_id: null | number }[] }
  return rows[0]?.tenant_id ?? null
}

/** An anomaly worth a human's look: nothing is credited, and the audit log says why. */
async function refuse(req: PayloadRequest, action: string, note: string, tenant: number, details: Record<string, unknown>): Promise<EventOutcome> {
  await writeAuditEntry(req, { action, collection: 'credit-ledger', details: { ...details, note }, tenant, user: null })
  return { note, status: 'ignored', tenant }
}

async function packOf(req: PayloadRequest, packId: null | number): Promise<CreditPack | null> {
  if (packId === null) return null
  // disableErrors: a thrown NotFound would end the webhook's transaction; a failed query still throws (503).
  return req.payload.findByID({ id: packId, collection: 'credit-packs', depth: 0, disableErrors: true, overrideAccess: true, req })
}

/** A paid pack session: the credits of the pack in our database, for the studio the session names. */
async function creditPackPaid(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome | null> {
  const sent = event.data.object as Stripe.Checkout.Session
  if (sent.metadata?.atelier_purpose !== CREDIT_PACK_PURPOSE) return null
  const session = await stripeOf(req.payload).checkout.sessions.retrieve(sent.id)
  const metadata = session.metadata ?? {}
  if (metadata.atelier_purpose !== CREDIT_PACK_PURPOSE || session.mode !== 'payment') return { note: 'Not a credit pack session at Stripe', status: 'ignored' }
  const tenant = await existingId(req, 'tenants', idFrom(metadata.tenant_id))
  if (tenant === null) return { note: `Credit pack for unknown studio ${metadata.tenant_id ?? '(none)'}`, status: 'ignored' }
  if (session.payment_status !== 'paid') return { note: `Credit pack session not paid (${session.payment_status})`, status: 'ignored', tenant }

  const details = { metadata, session: session.id }
  const customer = customerIdOf(session.customer)
  const customerTenant = customer ? await tenantOfCustomer(req, customer) : null
  if (customerTenant !== null && customerTenant !== tenant) {
    const note = `Credit pack names tenant ${tenant}, its customer is tenant ${customerTenant}'s`
    return refuse(req, 'billing_tenant_mismatch', note, customerTenant, { ...details, customer })
  }
  const pack = await packOf(req, idFrom(metadata.pack_id))
  if (!pack) return refuse(req, 'billing_credit_pack_mismatch', `No credit pack ${metadata.pack_id ?? '(none)'}`, tenant, details)
  const paid = { amount: session.amount_total, credits: metadata.credits, currency: session.currency }
  if (paid.amount !== pack.price || paid.currency !== pack.currency.toLowerCase() || paid.credits !== String(pack.credits)) {
    const note = `Paid ${paid.amount} ${paid.currency} for ${paid.credits} credits; pack ${pack.id} is ${pack.credits} for ${pack.price} ${pack.currency}`
    return refuse(req, 'billing_credit_pack_mismatch', note, tenant, details)
  }
  const paymentIntent = customerIdOf(session.payment_intent)
  if (!paymentIntent) return { note: 'Paid credit pack session without a PaymentIntent', status: 'ignored', tenant }

  const user = await existingId(req, 'users', idFrom(metadata.user_id))
  const result = await addPurchasedCredits(req, { amount: pack.credits, note: `Credit pack ${pack.id}`, reference: paymentIntent, tenant, user })
  return { note: result.replayed ? 'Credit pack already credited' : `Credit pack ${pack.id}: ${pack.credits} credits`, status: 'processed', tenant }
}

/** Delayed payment methods complete the session unpaid and pay it later: both events may bring the credits. */
export const registerPackPurchaseHandler = (config: Config): Config =>
  (['checkout.session.completed', 'checkout.session.async_payment_succeeded'] as const).reduce<Config>(
    (next, type) => registerStripeEventHandler(next, type, creditPackPaid),
    config,
  )
