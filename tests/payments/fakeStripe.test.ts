// The fake Stripe, driven only through the real SDK, the way production code will reach it.
import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'

const secretKey = `sk_test_${randomBytes(16).toString('hex')}`
let fake: FakeStripe
let stripe: Stripe

const client = (key: string) => new Stripe(key, { host: fake.host, port: fake.port, protocol: 'http', maxNetworkRetries: 0 })

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    cancel_url: 'https://studio.example/book/cancel',
    client_reference_id: 'booking-42',
    customer_email: 'ada@example.com',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    line_items: [
      { price_data: { currency: 'EUR', product_data: { name: 'Pottery class' }, unit_amount: 4500 }, quantity: 2 },
    ],
    metadata: { booking_ref: 'BK-42', tenant: 'atelier' },
    mode: 'payment',
    payment_intent_data: { metadata: { booking_ref: 'BK-42' } },
    success_url: 'https://studio.example/book/done?session={CHECKOUT_SESSION_ID}',
    ...overrides,
  }
}

/** A paid session of `amount` (one line item), for the refund cases. */
async function paidIntent(amount: number) {
  const line_items = [{ price_data: { currency: 'eur', product_data: { name: 'Class' }, unit_amount: amount }, quantity: 1 }]
  const session = await stripe.checkout.sessions.create(sessionParams({ line_items }))
  return fake.completeSession(session.id).payment_intent as string
}

beforeAll(async () => {
  fake = await startFakeStripe({ secretKey })
  stripe = client(secretKey)
})
afterAll(() => fake.close())

describe('fake Stripe through the SDK', () => {
  it('creates a Checkout Session from bracket-encoded params, and replays it for the same idempotency key', async () => {
    const idempotencyKey = `booking-42-${randomBytes(4).toString('hex')}`
    const before = fake.sessions.size
    const session = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey })

    expect(session).toMatchObject({
      amount_subtotal: 9000,
      amount_total: 9000,
      cancel_url: 'https://studio.example/book/cancel',
      client_reference_id: 'booking-42',
      currency: 'eur',
      customer_email: 'ada@example.com',
      livemode: false,
      metadata: { booking_ref: 'BK-42', tenant: 'atelier' },
      mode: 'payment',
      object: 'checkout.session',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
    })
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]+$/)
    expect(session.url).toBe(`${fake.url}/c/pay/${session.id}`)
    expect(session.lastResponse.requestId).toMatch(/^req_/)
    const recorded = fake.requests.at(-1)
    expect(recorded).toMatchObject({ idempotencyKey, method: 'POST', path: '/v1/checkout/sessions' })
    expect(recorded?.body).toMatchObject({ line_items: [{ price_data: { unit_amount: '4500' }, quantity: '2' }] })

    const again = await stripe.checkout.sessions.create(sessionParams({ expires_at: session.expires_at }), { idempotencyKey })
    expect(again.id).toBe(session.id)
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(fake.sessions.size).toBe(before + 1)

    const other = stripe.checkout.sessions.create(sessionParams({ expires_at: session.expires_at, client_reference_id: 'x' }), {
      idempotencyKey,
    })
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(fake.sessions.size).toBe(before + 1)

    const retrieved = await stripe.checkout.sessions.retrieve(session.id)
    expect(retrieved).toMatchObject({ id: session.id, amount_total: 9000, status: 'open' })
  })

  it('answers Stripe-shaped errors for bad params and unknown ids', async () => {
    const noQuantity = stripe.checkout.sessions.create(
      sessionParams({ line_items: [{ price_data: { currency: 'eur', product_data: { name: 'X' }, unit_amount: 1 } }] }),
    )
    await expect(noQuantity).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'line_items[0][quantity]',
      statusCode: 400,
      type: 'StripeInvalidRequestError',
    })
    const msExpiry = stripe.checkout.sessions.create(sessionParams({ expires_at: Date.now() + 3_600_000 }))
    await expect(msExpiry).rejects.toMatchObject({ param: 'expires_at', statusCode: 400 })
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
      code: 'resource_missing',
      statusCode: 404,
      type: 'StripeInvalidRequestError',
    })
  })

  it('rejects a wrong API key without echoing it', async () => {
    const wrongKey = `sk_test_${randomBytes(16).toString('hex')}`
    const error: unknown = await client(wrongKey).checkout.sessions.retrieve('cs_test_any').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    const { message } = error as Stripe.errors.StripeAuthenticationError
    expect(message).toContain('Invalid API Key provided')
    expect(message).toContain(wrongKey.slice(-4))
    expect(message).not.toContain(wrongKey)
    expect(message).not.toContain(wrongKey.slice(8, -4))
  })

  it('completes a session with a succeeded payment intent carrying payment_intent_data metadata', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams())
    fake.completeSession(session.id)

    const completed = await stripe.checkout.sessions.retrieve(session.id)
    expect(completed).toMatchObject({ payment_status: 'paid', status: 'complete' })
    const intent = await stripe.paymentIntents.retrieve(completed.payment_intent as string)
    expect(intent).toMatchObject({
      amount: 9000,
      amount_received: 9000,
      currency: 'eur',
      metadata: { booking_ref: 'BK-42' },
      object: 'payment_intent',
      status: 'succeeded',
    })
    expect(intent.latest_charge).toMatch(/^ch_/)

    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toSatisfy(
      (e) => e instanceof Stripe.errors.StripeInvalidRequestError && /status of open can be expired/.test(e.message),
    )
  })

  it('expires an open session, and records a failed payment on a still-open one', async () => {
    const open = await stripe.checkout.sessions.create(sessionParams())
    expect(await stripe.checkout.sessions.expire(open.id)).toMatchObject({ status: 'expired', url: null })

    const retrying = await stripe.checkout.sessions.create(sessionParams())
    const failed = fake.failPayment(retrying.id)
    expect(await stripe.paymentIntents.retrieve(failed.id)).toMatchObject({ status: 'requires_payment_method', amount_received: 0 })
    expect(fake.completeSession(retrying.id).payment_intent).toBe(failed.id) // the same intent, now paid
    expect(await stripe.paymentIntents.retrieve(failed.id)).toMatchObject({ status: 'succeeded' })
  })

  it('refunds partially, then the rest, then refuses', async () => {
    const paymentIntent = await paidIntent(5000)
    const first = await stripe.refunds.create({ amount: 2000, metadata: { reason_code: 'late_cancel' }, payment_intent: paymentIntent })
    expect(first).toMatchObject({ amount: 2000, currency: 'eur', object: 'refund', payment_intent: paymentIntent, status: 'succeeded' })
    expect(first.metadata).toEqual({ reason_code: 'late_cancel' })

    const rest = await stripe.refunds.create({ payment_intent: paymentIntent, reason: 'requested_by_customer' })
    expect(rest.amount).toBe(3000)

    const charge = await stripe.charges.retrieve(first.charge as string)
    expect(charge).toMatchObject({ amount: 5000, amount_refunded: 5000, refunded: true })
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([rest.id, first.id])

    await expect(stripe.refunds.create({ payment_intent: paymentIntent })).rejects.toMatchObject({
      code: 'charge_already_refunded',
      type: 'StripeInvalidRequestError',
    })
  })

  it('refuses a refund above the remaining amount', async () => {
    const paymentIntent = await paidIntent(5000)
    await stripe.refunds.create({ amount: 4000, payment_intent: paymentIntent })
    await expect(stripe.refunds.create({ amount: 1001, payment_intent: paymentIntent })).rejects.toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
      statusCode: 400,
    })
  })

  it('signs events that the SDK verifies', async () => {
    const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`
    const session = fake.completeSession((await stripe.checkout.sessions.create(sessionParams())).id)
    const { id, payload } = fake.event('checkout.session.completed', session)
    const event = stripe.webhooks.constructEvent(payload, fake.sign(payload, webhookSecret), webhookSecret)
    expect(event).toMatchObject({ api_version: Stripe.API_VERSION, id, livemode: false, type: 'checkout.session.completed' })
    expect(event.data.object).toEqual(JSON.parse(JSON.stringify(session)))

    expect(() => stripe.webhooks.constructEvent(payload, fake.sign(payload, 'whsec_other'), webhookSecret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    )
    const stale = fake.sign(payload, webhookSecret, Math.floor(Date.now() / 1000) - 3600)
    expect(() => stripe.webhooks.constructEvent(payload, stale, webhookSecret)).toThrow(/tolerance/)
  })

  it('keeps zero-decimal currencies in their minor unit', async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({ line_items: [{ price_data: { currency: 'JPY', product_data: { name: 'Tea ceremony' }, unit_amount: 5000 }, quantity: 1 }] }),
    )
    expect(session).toMatchObject({ amount_total: 5000, currency: 'jpy' })
  })

  it('creates one session for concurrent requests sharing an idempotency key', async () => {
    const idempotencyKey = `race-${randomBytes(4).toString('hex')}`
    const before = fake.sessions.size
    const params = sessionParams()
    const results = await Promise.all(Array.from({ length: 8 }, () => stripe.checkout.sessions.create(params, { idempotencyKey })))
    expect(new Set(results.map((s) => s.id)).size).toBe(1)
    expect(fake.sessions.size).toBe(before + 1)
    expect(results.filter((s) => s.lastResponse.headers['idempotent-replayed'] === 'true')).toHaveLength(7)
  })

  it('fails the next requests on demand, which SDK retries get through', async () => {
    const retrying = new Stripe(secretKey, {
      host: fake.host,
      maxNetworkRetries: 2,
      port: fake.port,
      protocol: 'http',
    })
    fake.failNext('/v1/checkout/sessions', 2)
    const before = fake.requests.length
    const session = await retrying.checkout.sessions.create(sessionParams())
    const attempts = fake.requests.slice(before)
    expect(attempts).toHaveLength(3)
    expect(new Set(attempts.map((r) => r.idempotencyKey)).size).toBe(1) // the SDK retries under one key
    expect(fake.sessions.get(session.id)?.status).toBe('open')

    fake.failNext('/v1/refunds', 1)
    await expect(stripe.refunds.create({ payment_intent: 'pi_x' })).rejects.toMatchObject({ statusCode: 500, type: 'StripeAPIError' })
  })

  it('answers 404 for endpoints it does not serve', async () => {
    await expect(stripe.customers.list()).rejects.toMatchObject({ statusCode: 404, type: 'StripeInvalidRequestError' })
  })
})
