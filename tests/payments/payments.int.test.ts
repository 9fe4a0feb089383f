// Deposits through the local Stripe fake and signed webhooks: checkout, replay-safe processing, out-of-order
// events, another studio's event, hold expiry, late payments, cancellation refunds and staff refunds.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'

import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { auditEntries } from '../helpers/auditEntries'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const SECRET_KEY = 'sk_test_atelier_payments_0123456789abcdef'
const WEBHOOK_SECRET = 'whsec_atelier_test_secret'

describe('payments', () => {
  let app: TestApp
  let stripe: FakeStripe
  let smtp: SmtpTestServer
  let paris: Tenant
  let tokyo: Tenant
  let room: Room
  let tokyoRoom: Room
  let day = 8

  const publicPost = (path: string, body?: unknown) => app.rest.post(path, body, { headers: { 'X-Forwarded-For': anotherAddress() } })
  const bookingByRef = async (ref: string): Promise<Booking> => (await app.payload.find({ collection: 'bookings', where: { ref: { equals: ref } } })).docs[0]!

  /** A public booking on a fresh slot, `daysAhead` days out. */
  async function newBooking(tenant = paris, bookRoom = room, daysAhead = day++) {
    const created = await book(app.rest, {
      customer: { email: `pay-${daysAhead}@example.test`, name: 'Paying Customer' },
      end: localSlot(tenant, daysAhead, '11:00'),
      room: bookRoom.id,
      start: localSlot(tenant, daysAhead, '10:00'),
      tenant: tenant.slug,
    })
    expect(created.status).toBe(201)
    return created.body
  }

  async function checkout(ref: string, accessToken: string) {
    const response = await publicPost(`/public/booking/${ref}/create-payment?token=${accessToken}`)
    const body = (await response.json()) as { checkout_url: string }
    const session = [...stripe.sessions.values()].find((candidate) => candidate.url === body.checkout_url)!
    return { body, session, status: response.status }
  }

  async function deliver(type: string, object: object, secret = WEBHOOK_SECRET) {
    const event = stripe.event(type, object)
    return { event, response: await send(event.payload, stripe.sign(event.payload, secret)) }
  }

  const send = (payload: string, signature?: string) =>
    app.rest.post('/stripe/webhooks', payload, { headers: { 'Content-Type': 'application/json', ...(signature ? { 'Stripe-Signature': signature } : {}) } })

  const eventRows = async (eventId: string) =>
    ((await app.payload.db.drizzle.execute(sql`select status, attempts::int as attempts from stripe_events where event_id = ${eventId}`)) as unknown as { rows: { attempts: number; status: string }[] }).rows

  beforeAll(async () => {
    stripe = await startFakeStripe({ secretKey: SECRET_KEY })
    smtp = await startSmtpServer()
    app = await startTestApp({
      ...smtp.env,
      ATELIER_PUBLIC_RATE_LIMIT: '10000',
      ATELIER_PUBLIC_URL: 'https://atelier.example.com',
      STRIPE_API_BASE: stripe.url,
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    })
    paris = await createTenant(app.payload, { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Paris Studio', timezone: 'Europe/Paris' })
    tokyo = await createTenant(app.payload, { defaultCurrency: 'JPY', defaultLocale: 'en', name: 'Tokyo Studio', timezone: 'Asia/Tokyo' })
    for (const tenant of [paris, tokyo]) await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, paris, { bufferMinutes: 0, hourlyRate: 5000, leadTimeMinutes: 0 })
    tokyoRoom = await createRoom(app.payload, tokyo, { bufferMinutes: 0, hourlyRate: 3333, leadTimeMinutes: 0 })
  })
  afterAll(async () => {
    await app.close()
    await stripe.close()
    await smtp.close()
  })

  it('creates a Checkout Session for the deposit, once while it is open, and holds the slot', async () => {
    const booking = await newBooking()
    expect((await publicPost(`/public/booking/${booking.ref}/create-payment`)).status).toBe(404)
    const first = await checkout(booking.ref, booking.accessToken)
    expect(first.status).toBe(201)
    expect(first.body.checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/pay\/cs_test_/)
    expect(first.session).toMatchObject({
      amount_total: 1500,
      currency: 'eur',
      metadata: { booking_ref: booking.ref, tenant: paris.slug, tenant_id: String(paris.id) },
      mode: 'payment',
      success_url: `https://atelier.example.com/${paris.slug}/book/${booking.ref}?payment=success`,
    })
    const request = stripe.requests.find((entry) => entry.path === '/v1/checkout/sessions' && entry.method === 'POST')!
    expect(request.idempotencyKey).toMatch(/^atelier-booking-\d+-checkout-1-\d+$/)

    const again = await checkout(booking.ref, booking.accessToken)
    expect(again.status).toBe(200)
    expect(again.body.checkout_url).toBe(first.body.checkout_url)
    expect([...stripe.sessions.values()].filter((session) => session.metadata?.booking_ref === booking.ref)).toHaveLength(1)

    const stored = await bookingByRef(booking.ref)
    expect(stored.status).toBe('awaiting_payment')
    const holdMinutes = (new Date(stored.holdExpiresAt!).getTime() - Date.now()) / 60_000
    expect(holdMinutes).toBeGreaterThan(29)
    expect(holdMinutes).toBeLessThanOrEqual(30)
  })

  it('refuses unsigned and wrongly signed webhooks with 400, storing nothing', async () => {
    const event = stripe.event('checkout.session.completed', { id: 'cs_test_nothing', object: 'checkout.session' })
    expect((await send(event.payload)).status).toBe(400)
    expect((await send(event.payload, stripe.sign(event.payload, 'whsec_wrong'))).status).toBe(400)
    expect((await send(`${event.payload} `, stripe.sign(event.payload, WEBHOOK_SECRET))).status).toBe(400)
    expect(await eventRows(event.id)).toEqual([])
  })

  it('confirms on checkout.session.completed; replays (one concurrent) change nothing: one payment, one email', async () => {
    const booking = await newBooking()
    const { session } = await checkout(booking.ref, booking.accessToken)
    const paid = stripe.completeSession(session.id)
    const event = stripe.event('checkout.session.completed', paid)
    const signature = stripe.sign(event.payload, WEBHOOK_SECRET)

    // Two first deliveries at once: one processes, the other finds it claimed (503, Stripe retries) or done.
    const [firstA, firstB] = await Promise.all([send(event.payload, signature), send(event.payload, signature)])
    const firstBodies = [(await firstA.json()) as { status: string }, (await firstB.json()) as { errors?: unknown; status?: string }]
    expect(firstBodies.filter((body) => body.status === 'processed')).toHaveLength(1)
    expect([firstA.status, firstB.status].sort()).toEqual(expect.arrayContaining([200]))
    for (const response of [firstA, firstB]) expect([200, 503]).toContain(response.status)
    const [concurrentA, concurrentB] = await Promise.all([send(event.payload, signature), send(event.payload, signature)])
    const later = await send(event.payload, signature)
    for (const response of [concurrentA, concurrentB, later]) expect(response.status).toBe(200)

    const stored = await bookingByRef(booking.ref)
    expect(stored).toMatchObject({ amountPaid: 1500, status: 'confirmed' })
    const payments = await app.payload.find({ collection: 'payments', where: { booking: { equals: stored.id } } })
    expect(payments.docs).toHaveLength(1)
    expect(payments.docs[0]).toMatchObject({ amount: 1500, currency: 'EUR', status: 'paid' })
    expect(payments.docs[0]!.paymentIntentId).toMatch(/^pi_/)
    expect(await eventRows(event.id)).toEqual([{ attempts: 1, status: 'processed' }])

    await smtp.waitFor((mail) => mail.subject === `Booking ${booking.ref} confirmed`)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(smtp.messages.filter((mail) => mail.subject === `Booking ${booking.ref} confirmed`)).toHaveLength(1)
  })

  it('with autoConfirmOnDeposit off, a paid deposit leaves the booking for staff to confirm', async () => {
    const policy = await app.payload.create({
      collection: 'booking-policies',
      data: { autoConfirmOnDeposit: false, depositPercent: 50, depositType: 'percentage', holdMinutes: 20, name: 'Staff confirm', tenant: paris.id },
    })
    const reviewed = await createRoom(app.payload, paris, { bufferMinutes: 0, hourlyRate: 5000, leadTimeMinutes: 0, policy: policy.id })
    const booking = await newBooking(paris, reviewed)
    expect(booking.deposit).toBe(2500)
    const { session } = await checkout(booking.ref, booking.accessToken)
    await deliver('checkout.session.completed', stripe.completeSession(session.id))
    const stored = await bookingByRef(booking.ref)
    expect(stored).toMatchObject({ amountPaid: 2500, status: 'pending' })
    expect(stored.depositPaidAt).toBeTruthy()
    expect(stored.holdExpiresAt).toBeFalsy()
  })

  it('out of order: a stale "expired" after payment and a stale "completed" after expiry both act on Stripe’s current state', async () => {
    const paidFirst = await newBooking()
    const { session: paidSession } = await checkout(paidFirst.ref, paidFirst.accessToken)
    const staleExpired = { ...paidSession, status: 'expired' }
    stripe.completeSession(paidSession.id)
    const expiredEvent = await deliver('checkout.session.expired', staleExpired)
    expect(await expiredEvent.response.json()).toMatchObject({ status: 'ignored' })
    expect((await bookingByRef(paidFirst.ref)).status).toBe('awaiting_payment')
    await deliver('checkout.session.completed', stripe.sessions.get(paidSession.id)!)
    expect((await bookingByRef(paidFirst.ref)).status).toBe('confirmed')

    const expiredFirst = await newBooking()
    const { session } = await checkout(expiredFirst.ref, expiredFirst.accessToken)
    const staleCompleted = { ...session, payment_status: 'paid', status: 'complete' }
    stripe.expireSession(session.id)
    const completedEvent = await deliver('checkout.session.completed', staleCompleted)
    expect(await completedEvent.response.json()).toMatchObject({ status: 'ignored' })
    expect((await bookingByRef(expiredFirst.ref)).amountPaid).toBe(0)
    await deliver('checkout.session.expired', stripe.sessions.get(session.id)!)
    expect((await bookingByRef(expiredFirst.ref)).status).toBe('expired')
  })

  it('a deposit paid after staff confirmed the booking is recorded, not refunded', async () => {
    const booking = await newBooking()
    const { session } = await checkout(booking.ref, booking.accessToken)
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: paris }])
    const adminToken = await app.rest.login(admin.email, PASSWORD)
    const stored = await bookingByRef(booking.ref)
    expect((await app.rest.post(`/bookings/${stored.id}/confirm`, undefined, { token: adminToken })).status).toBe(200)
    const paid = stripe.completeSession(session.id)
    const { response } = await deliver('checkout.session.completed', paid)
    expect(await response.json()).toMatchObject({ status: 'processed' })
    expect(await bookingByRef(booking.ref)).toMatchObject({ amountPaid: 1500, status: 'confirmed' })
    expect([...stripe.refunds.values()].filter((refund) => refund.payment_intent === paid.payment_intent)).toEqual([])
  })

  it('a late "expired" for an older session does not release the slot a newer open session holds', async () => {
    const booking = await newBooking()
    const { session: first } = await checkout(booking.ref, booking.accessToken)
    stripe.expireSession(first.id)
    const { session: second, status } = await checkout(booking.ref, booking.accessToken)
    expect(status).toBe(201)
    expect(second.id).not.toBe(first.id)
    const { response } = await deliver('checkout.session.expired', stripe.sessions.get(first.id)!)
    expect(await response.json()).toMatchObject({ status: 'processed' })
    expect((await bookingByRef(booking.ref)).status).toBe('awaiting_payment')
  })

  it('an event whose processing never finished is retried by the sweeper', async () => {
    const booking = await newBooking()
    const { session } = await checkout(booking.ref, booking.accessToken)
    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    // Stored, then the process died before handling it.
    await app.payload.db.drizzle.execute(sql`insert into stripe_events (event_id, type, payload, status, attempts, updated_at, created_at)
      values (${event.id}, 'checkout.session.completed', ${event.payload}::jsonb, 'received', 0, now() - interval '10 minutes', now() - interval '10 minutes')`)
    const job = await app.payload.jobs.queue({ input: {}, task: 'processStripeEvent' })
    await app.payload.jobs.runByID({ id: job.id })
    expect(await eventRows(event.id)).toEqual([{ attempts: 1, status: 'processed' }])
    expect((await bookingByRef(booking.ref)).status).toBe('confirmed')
  })

  it('a failed payment releases the slot and closes the session', async () => {
    const booking = await newBooking()
    const { session } = await checkout(booking.ref, booking.accessToken)
    const intent = stripe.failPayment(session.id)
    const { response } = await deliver('payment_intent.payment_failed', intent)
    expect(await response.json()).toMatchObject({ status: 'processed' })
    expect((await bookingByRef(booking.ref)).status).toBe('expired')
    expect(stripe.sessions.get(session.id)!.status).toBe('expired')
  })

  it('ignores an event whose session names another studio than the booking’s', async () => {
    const booking = await newBooking(tokyo, tokyoRoom)
    const { session } = await checkout(booking.ref, booking.accessToken)
    // A session claiming the Paris studio for a Tokyo booking.
    stripe.sessions.get(session.id)!.metadata = { ...session.metadata, tenant_id: String(paris.id) }
    const paid = stripe.completeSession(session.id)
    const { response } = await deliver('checkout.session.completed', paid)
    expect(await response.json()).toMatchObject({ status: 'ignored' })
    expect((await bookingByRef(booking.ref)).status).toBe('awaiting_payment')
    const unknown = await deliver('checkout.session.completed', { ...paid, id: 'cs_test_unknown' })
    expect(await unknown.response.json()).toMatchObject({ status: 'ignored' })
  })

  it('expires a hold with no webhook; the slot is bookable again', async () => {
    const daysAhead = day++
    const booking = await newBooking(paris, room, daysAhead)
    const { session } = await checkout(booking.ref, booking.accessToken)
    await app.payload.db.drizzle.execute(sql`update bookings set hold_expires_at = now() - interval '1 minute' where ref = ${booking.ref}`)
    const job = await app.payload.jobs.queue({ input: {}, task: 'expireHolds' })
    await app.payload.jobs.runByID({ id: job.id })
    expect((await bookingByRef(booking.ref)).status).toBe('expired')
    expect(stripe.sessions.get(session.id)!.status).toBe('expired')
    const again = await book(app.rest, {
      customer: { email: 'next@example.test', name: 'Next' },
      end: localSlot(paris, daysAhead, '11:00'),
      room: room.id,
      start: localSlot(paris, daysAhead, '10:00'),
      tenant: paris.slug,
    })
    expect(again.status).toBe(201)
  })

  it('a pending booking past its hold gets no Checkout Session (409 hold_expired), then expires without one', async () => {
    const booking = await newBooking()
    await app.payload.db.drizzle.execute(sql`update bookings set hold_expires_at = now() - interval '1 minute' where ref = ${booking.ref}`)
    const response = await publicPost(`/public/booking/${booking.ref}/create-payment?token=${booking.accessToken}`)
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ code: 'hold_expired' })
    expect([...stripe.sessions.values()].filter((session) => session.metadata?.booking_ref === booking.ref)).toHaveLength(0)
    const job = await app.payload.jobs.queue({ input: {}, task: 'expireBookingHolds' })
    await app.payload.jobs.runByID({ id: job.id })
    expect((await bookingByRef(booking.ref)).status).toBe('expired')
  })

  it('a payment arriving after its hold expired: revives the booking if the slot is free, refunds it in full if not', async () => {
    const free = await newBooking()
    const { session: freeSession } = await checkout(free.ref, free.accessToken)
    await app.payload.db.drizzle.execute(sql`update bookings set status = 'expired' where ref = ${free.ref}`)
    await deliver('checkout.session.completed', stripe.completeSession(freeSession.id))
    expect((await bookingByRef(free.ref)).status).toBe('confirmed')

    const daysAhead = day++
    const late = await newBooking(paris, room, daysAhead)
    const { session } = await checkout(late.ref, late.accessToken)
    await app.payload.db.drizzle.execute(sql`update bookings set status = 'expired' where ref = ${late.ref}`)
    const taker = await book(app.rest, {
      customer: { email: 'taker@example.test', name: 'Taker' },
      end: localSlot(paris, daysAhead, '11:00'),
      room: room.id,
      start: localSlot(paris, daysAhead, '10:00'),
      tenant: paris.slug,
    })
    expect(taker.status).toBe(201)
    const paid = stripe.completeSession(session.id)
    const { response } = await deliver('checkout.session.completed', paid)
    expect(await response.json()).toMatchObject({ status: 'processed' })

    const stored = await bookingByRef(late.ref)
    expect(stored.status).toBe('expired')
    const refunds = [...stripe.refunds.values()].filter((refund) => refund.payment_intent === paid.payment_intent)
    expect(refunds.map((refund) => refund.amount)).toEqual([1500])
    const rows = await app.payload.find({ collection: 'refunds', where: { booking: { equals: stored.id } } })
    expect(rows.docs[0]).toMatchObject({ amount: 1500, reason: 'late_payment', status: 'succeeded' })
    expect((await auditEntries(app.payload, { and: [{ action: { equals: 'refund' } }, { documentId: { equals: String(stored.id) } }] })).length).toBe(1)
    await smtp.waitFor((mail) => mail.subject === `Booking ${late.ref}: payment refunded`)
  })

  describe('cancellation refunds from the tiers', () => {
    async function paidBooking(tenant: Tenant, bookRoom: Room, daysAhead: number) {
      const booking = await newBooking(tenant, bookRoom, daysAhead)
      const { session } = await checkout(booking.ref, booking.accessToken)
      await deliver('checkout.session.completed', stripe.completeSession(session.id))
      return booking
    }
    const cancel = async (ref: string, token: string) => {
      const response = await publicPost(`/public/booking/${ref}/cancel?token=${token}`)
      return (await response.json()) as { refundQuote: { refundAmount: number; refundId?: string; refundPercent: number; refundStatus?: string }; status: string }
    }

    it('more than 7 days ahead: the whole deposit, refunded at Stripe with an idempotency key', async () => {
      const booking = await paidBooking(paris, room, 30)
      const quote = (await (await app.rest.get(`/public/booking/${booking.ref}/cancel-quote?token=${booking.accessToken}`, { headers: { 'X-Forwarded-For': anotherAddress() } })).json()) as { refundAmount: number }
      expect(quote.refundAmount).toBe(1500)
      const cancelled = await cancel(booking.ref, booking.accessToken)
      expect(cancelled).toMatchObject({ refundQuote: { refundAmount: 1500, refundPercent: 100, refundStatus: 'succeeded' }, status: 'cancelled' })
      expect(stripe.refunds.get(cancelled.refundQuote.refundId!)!.amount).toBe(1500)
      const key = stripe.requests.find((entry) => entry.path === '/v1/refunds' && entry.body.metadata && (entry.body.metadata as { booking_ref: string }).booking_ref === booking.ref)!.idempotencyKey
      expect(key).toMatch(/^atelier-refund-booking-\d+-cancellation$/)
    })

    it('between 48 h and 7 days: half, rounded down; in JPY whole yen', async () => {
      const euro = await paidBooking(paris, room, 4)
      expect((await cancel(euro.ref, euro.accessToken)).refundQuote).toMatchObject({ refundAmount: 750, refundPercent: 50 })
      // 3,333 ¥/h: deposit 30 % of 3,333 = 1,000 ¥ (half up), half of it 500 ¥.
      const yen = await paidBooking(tokyo, tokyoRoom, 4)
      expect(await bookingByRef(yen.ref)).toMatchObject({ amountPaid: 1000, currency: 'JPY' })
      const cancelled = await cancel(yen.ref, yen.accessToken)
      expect(cancelled.refundQuote).toMatchObject({ refundAmount: 500, refundPercent: 50, refundStatus: 'succeeded' })
      expect(stripe.refunds.get(cancelled.refundQuote.refundId!)).toMatchObject({ amount: 500, currency: 'jpy' })
    })
  })

  describe('staff refunds', () => {
    let bookingId: number
    let adminToken: string

    beforeAll(async () => {
      const booking = await newBooking(paris, room, 40)
      const { session } = await checkout(booking.ref, booking.accessToken)
      await deliver('checkout.session.completed', stripe.completeSession(session.id))
      bookingId = (await bookingByRef(booking.ref)).id
      const admin = await createUser(app.payload, [{ role: 'admin', tenant: paris }])
      adminToken = await app.rest.login(admin.email, PASSWORD)
    })

    it('needs payments:refund (staff: 403); refunds partially, then the rest, never more than paid, audited', async () => {
      const staff = await createUser(app.payload, [{ role: 'staff', tenant: paris }])
      const staffToken = await app.rest.login(staff.email, PASSWORD)
      expect((await app.rest.post(`/bookings/${bookingId}/refund`, { amount: 100 }, { token: staffToken })).status).toBe(403)

      const partial = await app.rest.post(`/bookings/${bookingId}/refund`, { amount: 400, note: 'Broken microphone' }, { token: adminToken, headers: { 'Idempotency-Key': 'desk-refund-0001' } })
      expect(partial.status).toBe(201)
      const replay = await app.rest.post(`/bookings/${bookingId}/refund`, { amount: 400, note: 'Broken microphone' }, { token: adminToken, headers: { 'Idempotency-Key': 'desk-refund-0001' } })
      expect(replay.status).toBe(200)
      expect((await app.rest.post(`/bookings/${bookingId}/refund`, { amount: 1101 }, { token: adminToken })).status).toBe(400)
      const rest = await app.rest.post(`/bookings/${bookingId}/refund`, undefined, { token: adminToken })
      expect(rest.status).toBe(201)
      expect(((await rest.json()) as { refund: { amount: number } }).refund.amount).toBe(1100)
      expect((await app.rest.post(`/bookings/${bookingId}/refund`, { amount: 1 }, { token: adminToken })).status).toBe(409)

      const payment = (await app.payload.find({ collection: 'payments', where: { booking: { equals: bookingId } } })).docs[0]!
      expect(payment.amountRefunded).toBe(1500)
      const atStripe = [...stripe.refunds.values()].filter((refund) => refund.payment_intent === payment.paymentIntentId)
      expect(atStripe.map((refund) => refund.amount).sort((a, b) => a - b)).toEqual([400, 1100])
      expect((await auditEntries(app.payload, { and: [{ action: { equals: 'refund' } }, { documentId: { equals: String(bookingId) } }] })).length).toBe(2)
    })

    it('records refunds made in Stripe’s dashboard from charge.refunded, once', async () => {
      const booking = await newBooking(paris, room, 41)
      const { session } = await checkout(booking.ref, booking.accessToken)
      const paid = stripe.completeSession(session.id)
      await deliver('checkout.session.completed', paid)
      const intent = stripe.paymentIntents.get(paid.payment_intent as string)!
      // A refund made outside Atelier, straight at the API.
      await fetch(`${stripe.url}/v1/refunds`, { body: `payment_intent=${intent.id}&amount=300`, headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' }, method: 'POST' })
      const charge = stripe.charges.get(intent.latest_charge as string)!
      await deliver('charge.refunded', charge)
      await deliver('charge.refunded', charge)
      const stored = await bookingByRef(booking.ref)
      const rows = await app.payload.find({ collection: 'refunds', where: { booking: { equals: stored.id } } })
      expect(rows.docs.map((row) => ({ amount: row.amount, reason: row.reason }))).toEqual([{ amount: 300, reason: 'stripe' }])
    })
  })
})
