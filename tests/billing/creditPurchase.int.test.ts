// Buying AI-credit packs through the local Stripe fake and signed webhooks: the session, credits granted once
// however the event comes back, the studio's customer, and sessions that must credit nothing (audited).
import type Stripe from 'stripe'

import { createLocalReq } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CreditPack, Tenant, User } from '../../payload-types'

import { spendCredits } from '../../plugins/billing'
import { stripeOf } from '../../plugins/payments'
import { auditEntries } from '../helpers/auditEntries'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const SECRET_KEY = 'sk_test_atelier_credits_0123456789abcdef'
const WEBHOOK_SECRET = 'whsec_atelier_credits_secret'
const PUBLIC_URL = 'https://atelier.example.com'

describe('credit pack purchases', () => {
  let app: TestApp
  let stripe: FakeStripe
  let paris: Tenant
  let acme: Tenant
  let parisOwner: User
  let parisToken: string
  let acmeToken: string
  let acmeCustomer: string
  let pack: CreditPack

  const balanceOf = async (tenant: Tenant, token: string) => ((await (await app.rest.get(`/billing/credits?tenant=${tenant.id}`, { token })).json()) as { balance: number }).balance
  const purchases = async (tenant: Tenant) =>
    (await app.payload.find({ collection: 'credit-ledger', depth: 0, where: { and: [{ tenant: { equals: tenant.id } }, { kind: { equals: 'purchase' } }] } })).docs
  const buy = async (tenant: Tenant, token: string, packId = pack.id) => {
    const response = await app.rest.post(`/billing/credits/purchase?tenant=${tenant.id}`, { pack: packId }, { token })
    return { body: (await response.json()) as { id: string; url: string }, status: response.status }
  }
  const send = (payload: string) =>
    app.rest.post('/stripe/webhooks', payload, { headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.sign(payload, WEBHOOK_SECRET) } })
  /** A checkout.session.completed as Stripe sends it; the handler reads the session again from the fake. */
  const completedEvent = (sessionId: string) => stripe.event('checkout.session.completed', stripe.sessions.get(sessionId)!)
  const outcomeOf = async (response: Response) => ((await response.json()) as { status: string }).status
  /** A session made straight at Stripe (not by our endpoint), then paid. */
  const paidSessionAtStripe = async (params: Partial<Stripe.Checkout.SessionCreateParams> & { metadata: Record<string, string> }) => {
    const session = await stripeOf(app.payload).checkout.sessions.create({
      line_items: [{ price_data: { currency: 'eur', product_data: { name: 'Credits' }, unit_amount: pack.price }, quantity: 1 }],
      mode: 'payment',
      success_url: `${PUBLIC_URL}/admin`,
      ...params,
    })
    stripe.completeSession(session.id)
    return session.id
  }
  const packMetadata = (tenant: Tenant, overrides: Record<string, string> = {}) => ({
    atelier_purpose: 'credit_pack',
    credits: String(pack.credits),
    pack_id: String(pack.id),
    tenant_id: String(tenant.id),
    user_id: String(parisOwner.id),
    ...overrides,
  })

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: SECRET_KEY })
    app = await startTestApp({ ATELIER_PUBLIC_URL: PUBLIC_URL, STRIPE_API_BASE: stripe.url, STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET })
    paris = await createTenant(app.payload, { name: 'Paris Studio' })
    acme = await createTenant(app.payload, { name: 'Acme Studio' })
    parisOwner = await createUser(app.payload, [{ role: 'owner', tenant: paris }])
    const acmeOwner = await createUser(app.payload, [{ role: 'owner', tenant: acme }])
    parisToken = await app.rest.login(parisOwner.email, PASSWORD)
    acmeToken = await app.rest.login(acmeOwner.email, PASSWORD)
    acmeCustomer = (await stripeOf(app.payload).customers.create({ email: acmeOwner.email, name: acme.name })).id
    await app.payload.create({ collection: 'subscriptions', data: { stripeCustomerId: acmeCustomer, tenant: acme.id } })
    pack = (await app.payload.find({ collection: 'credit-packs', sort: 'price', where: { credits: { equals: 100 } } })).docs[0]!
  })
  afterAll(async () => {
    await app.close()
    await stripe.close()
  })

  it('makes a payment-mode Checkout Session for the pack, the same one for a quarter hour, and credits nothing yet', async () => {
    const first = await buy(paris, parisToken)
    expect(first.status).toBe(201)
    expect(first.body.url).toMatch(/\/c\/pay\/cs_test_/)
    const metadata = packMetadata(paris, { credits: '100' })
    expect(stripe.sessions.get(first.body.id)).toMatchObject({
      amount_total: 900,
      cancel_url: `${PUBLIC_URL}/admin?credits=cancelled`,
      currency: 'eur',
      customer: null,
      customer_email: parisOwner.email,
      metadata,
      mode: 'payment',
      success_url: `${PUBLIC_URL}/admin?credits=success`,
    })
    const request = stripe.requests.find((entry) => entry.path === '/v1/checkout/sessions' && entry.body.metadata && (entry.body.metadata as { tenant_id?: string }).tenant_id === String(paris.id))!
    expect(request.idempotencyKey).toMatch(new RegExp(`^atelier-tenant-${paris.id}-credit-pack-${pack.id}-[0-9a-f]{16}-\\d+$`))
    expect(request.body).toMatchObject({ line_items: [{ price_data: { product_data: { name: '100 AI credits' }, unit_amount: '900' } }], payment_intent_data: { metadata } })
    expect((await buy(paris, parisToken)).body.id).toBe(first.body.id)
    expect(await balanceOf(paris, parisToken)).toBe(0)
  })

  it('credits the pack once: a replayed event, a second event for the session and two deliveries at once add nothing', async () => {
    const { body } = await buy(paris, parisToken)
    const paid = stripe.completeSession(body.id)
    const event = completedEvent(body.id)
    expect(await outcomeOf(await send(event.payload))).toBe('processed')
    expect(await balanceOf(paris, parisToken)).toBe(100)
    const [entry] = await purchases(paris)
    expect(entry).toMatchObject({ amount: 100, reference: paid.payment_intent, user: parisOwner.id })
    expect(stripe.paymentIntents.get(paid.payment_intent!)!.metadata).toMatchObject(packMetadata(paris))

    expect((await send(event.payload)).status).toBe(200)
    expect(await outcomeOf(await send(completedEvent(body.id).payload))).toBe('processed')
    expect(await balanceOf(paris, parisToken)).toBe(100)

    const bigger = (await app.payload.find({ collection: 'credit-packs', where: { credits: { equals: 500 } } })).docs[0]!
    const second = await buy(paris, parisToken, bigger.id)
    stripe.completeSession(second.body.id)
    const twice = completedEvent(second.body.id)
    const responses = await Promise.all([send(twice.payload), send(twice.payload)])
    for (const response of responses) expect([200, 503]).toContain(response.status)
    expect(await balanceOf(paris, parisToken)).toBe(600)
    expect(await purchases(paris)).toHaveLength(2)
  })

  it('takes a refunded pack’s credits back, in proportion, once, never below zero', async () => {
    const tenant = await createTenant(app.payload, { name: 'Refunded Studio' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    const token = await app.rest.login(owner.email, PASSWORD)
    const { body } = await buy(tenant, token)
    const paid = stripe.completeSession(body.id)
    await send(completedEvent(body.id).payload)
    expect(await balanceOf(tenant, token)).toBe(100)
    const intent = stripe.paymentIntents.get(paid.payment_intent!)!
    const refundedEvent = () => stripe.event('charge.refunded', stripe.charges.get(intent.latest_charge!)!)

    await stripeOf(app.payload).refunds.create({ amount: pack.price / 4, payment_intent: intent.id })
    const quarter = refundedEvent()
    await Promise.all([send(quarter.payload), send(refundedEvent().payload)])
    expect(await balanceOf(tenant, token)).toBe(75)
    // 65 of the 75 left are spent: a full refund can take back only the 10 that remain.
    await spendCredits(await createLocalReq({}, app.payload), { amount: 65, reference: `refund-test-${tenant.id}`, tenant: tenant.id })
    await stripeOf(app.payload).refunds.create({ payment_intent: intent.id })
    expect(await outcomeOf(await send(refundedEvent().payload))).toBe('processed')
    expect(await balanceOf(tenant, token)).toBe(0)
    const adjustments = (await app.payload.find({ collection: 'credit-ledger', where: { and: [{ tenant: { equals: tenant.id } }, { kind: { equals: 'adjust' } }] } })).docs
    expect(adjustments.map((entry) => entry.amount).sort()).toEqual([-10, -25])
  })

  it('uses the studio’s own Stripe customer when it has one', async () => {
    const { body, status } = await buy(acme, acmeToken)
    expect(status).toBe(201)
    expect(stripe.sessions.get(body.id)).toMatchObject({ customer: acmeCustomer, customer_email: null })
    stripe.completeSession(body.id)
    expect(await outcomeOf(await send(completedEvent(body.id).payload))).toBe('processed')
    expect(await balanceOf(acme, acmeToken)).toBe(100)
  })

  it('ignores and audits a session whose customer is another studio’s', async () => {
    const before = await balanceOf(paris, parisToken)
    const metadata = packMetadata(paris)
    const sessionId = await paidSessionAtStripe({ customer: acmeCustomer, metadata, payment_intent_data: { metadata } })
    expect(await outcomeOf(await send(completedEvent(sessionId).payload))).toBe('ignored')
    expect(await balanceOf(paris, parisToken)).toBe(before)
    const [audit] = await auditEntries(app.payload, { action: { equals: 'billing_tenant_mismatch' } })
    expect(audit).toMatchObject({ collection: 'credit-ledger', tenant: acme.id })
    expect(audit!.details).toMatchObject({ customer: acmeCustomer, session: sessionId })
  })

  it('ignores and audits a session paid at another price or for other credits; ignores unpaid sessions and unknown studios', async () => {
    const before = await balanceOf(paris, parisToken)
    const cheap = await paidSessionAtStripe({
      line_items: [{ price_data: { currency: 'eur', product_data: { name: 'Credits' }, unit_amount: 1 }, quantity: 1 }],
      metadata: packMetadata(paris),
    })
    const inflated = await paidSessionAtStripe({ metadata: packMetadata(paris, { credits: '100000' }) })
    const noPack = await paidSessionAtStripe({ metadata: packMetadata(paris, { pack_id: '999999' }) })
    for (const sessionId of [cheap, inflated, noPack]) expect(await outcomeOf(await send(completedEvent(sessionId).payload))).toBe('ignored')
    const audited = await auditEntries(app.payload, { action: { equals: 'billing_credit_pack_mismatch' } })
    expect(audited.map((entry) => (entry.details as { session: string }).session)).toEqual([cheap, inflated, noPack])

    const unpaid = await buy(paris, parisToken, (await app.payload.find({ collection: 'credit-packs', where: { credits: { equals: 2000 } } })).docs[0]!.id)
    const forged = stripe.event('checkout.session.completed', { ...stripe.sessions.get(unpaid.body.id)!, payment_status: 'paid', status: 'complete' })
    expect(await outcomeOf(await send(forged.payload))).toBe('ignored')
    const nowhere = await paidSessionAtStripe({ metadata: packMetadata(paris, { tenant_id: '987654' }) })
    expect(await outcomeOf(await send(completedEvent(nowhere).payload))).toBe('ignored')
    expect(await balanceOf(paris, parisToken)).toBe(before)
  })

  it('answers bad input 400, an unknown or inactive pack 404, and refuses the signed out, staff and other studios', async () => {
    const path = `/billing/credits/purchase?tenant=${paris.id}`
    for (const body of [{}, { pack: 'one' }, { pack: 1.5 }, { pack: -1 }, { pack: 2 ** 40 }, { extra: true, pack: pack.id }, '{not json', [pack.id]]) {
      const response = await app.rest.post(path, body, { token: parisToken })
      expect({ body, status: response.status }).toEqual({ body, status: 400 })
      expect(((await response.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0)
    }
    expect((await app.rest.post(`/billing/credits/purchase?tenant=x`, { pack: pack.id }, { token: parisToken })).status).toBe(400)
    expect((await app.rest.post(`${path}&plan=solo`, { pack: pack.id }, { token: parisToken })).status).toBe(400)
    const retired = await app.payload.create({ collection: 'credit-packs', data: { name: 'Retired', active: false, credits: 5, currency: 'EUR', price: 100 } })
    for (const id of [retired.id, 999_999]) {
      const response = await app.rest.post(path, { pack: id }, { token: parisToken })
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ errors: [{ message: 'No such credit pack.' }] })
    }
    const staff = await createUser(app.payload, [{ role: 'staff', tenant: paris }])
    expect((await app.rest.post(path, { pack: pack.id })).status).toBe(401)
    expect((await app.rest.post(path, { pack: pack.id }, { token: await app.rest.login(staff.email, PASSWORD) })).status).toBe(403)
    expect((await app.rest.post(path, { pack: pack.id }, { token: acmeToken })).status).toBe(404)
  })
})
