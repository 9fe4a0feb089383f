// Acceptance for payments over HTTP against the production build: book, pay through the local Stripe fake,
// a signed checkout.session.completed confirms the booking and sends the email; replays (one concurrent)
// change nothing; the Stripe secret key appears nowhere the app writes or answers.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { localSlot } from '../helpers/booking'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'
import { createStudio, type E2eApp, startE2eApp } from './harness'

const SECRET_KEY = `sk_test_${randomBytes(12).toString('hex')}`
const WEBHOOK_SECRET = `whsec_${randomBytes(12).toString('hex')}`

describe('payments end to end', () => {
  let e2e: E2eApp
  let stripe: FakeStripe
  let smtp: SmtpTestServer
  const tenant = { slug: `pay-${randomBytes(2).toString('hex')}`, timezone: 'Europe/Paris' }
  let roomId: number
  const answers: string[] = []

  const call = async (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) => {
    const answer = await e2e.api(method, route, body, { asAdmin: false, headers })
    answers.push(answer.text)
    return answer
  }

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: SECRET_KEY })
    smtp = await startSmtpServer()
    e2e = await startE2eApp({
      ...smtp.env,
      ATELIER_PUBLIC_RATE_LIMIT: '1000',
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    })
    ;({ roomId } = await createStudio(e2e, { depositPercent: 25, name: 'Pay Studio', ...tenant }))
  })

  afterAll(async () => {
    await e2e?.stop()
    await stripe?.close()
    await smtp?.close()
  })

  it('book, pay, signed completion: confirmed and emailed; two replays (one concurrent) change nothing', async () => {
    const booked = await call('POST', '/public/booking', {
      customer: { email: 'payer@example.test', name: 'Payer' },
      end: localSlot(tenant, 12, '12:00'),
      room: roomId,
      start: localSlot(tenant, 12, '10:00'),
      tenant: tenant.slug,
    })
    expect(booked.status).toBe(201)
    const { accessToken, deposit, ref } = booked.body as { accessToken: string; deposit: number; ref: string }
    expect(deposit).toBe(2000)

    const payment = await call('POST', `/public/booking/${ref}/create-payment`, undefined, { 'X-Booking-Token': accessToken })
    expect(payment.status).toBe(201)
    const session = [...stripe.sessions.values()].find((candidate) => candidate.url === payment.body.checkout_url)!
    expect(session).toMatchObject({ amount_total: 2000, currency: 'eur', metadata: { booking_ref: ref, tenant: tenant.slug } })

    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    const deliver = () => call('POST', '/stripe/webhooks', event.payload, { 'Stripe-Signature': stripe.sign(event.payload, WEBHOOK_SECRET) })
    expect((await deliver()).body).toEqual({ received: true, status: 'processed' })

    const read = await call('GET', `/public/booking/${ref}`, undefined, { 'X-Booking-Token': accessToken })
    expect(read.body.status).toBe('confirmed')
    await smtp.waitFor((mail) => mail.subject === `Booking ${ref} confirmed`)

    const replays = await Promise.all([deliver(), deliver()])
    replays.push(await deliver())
    expect(replays.map((replay) => replay.status)).toEqual([200, 200, 200])
    const payments = await e2e.api('GET', `/payments?where[booking.ref][equals]=${ref}&depth=0`)
    expect((payments.body.docs as unknown[]).length).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(smtp.messages.filter((mail) => mail.subject === `Booking ${ref} confirmed`)).toHaveLength(1)
  })

  it('a Stripe outage answers 502 without the secret key; the key appears in no response and no log line', async () => {
    const booked = await call('POST', '/public/booking', {
      customer: { email: 'outage@example.test', name: 'Outage' },
      end: localSlot(tenant, 13, '11:00'),
      room: roomId,
      start: localSlot(tenant, 13, '10:00'),
      tenant: tenant.slug,
    })
    const { accessToken, ref } = booked.body as { accessToken: string; ref: string }
    stripe.failNext('/v1/checkout/sessions', 10)
    const failed = await call('POST', `/public/booking/${ref}/create-payment?token=${accessToken}`)
    expect(failed.status).toBe(502)

    expect(answers.length).toBeGreaterThan(8)
    for (const answer of answers) expect(answer).not.toContain(SECRET_KEY)
    expect(e2e.app.output()).not.toContain(SECRET_KEY)
    expect(e2e.app.output()).not.toContain(SECRET_KEY.slice(8))
  })
})
