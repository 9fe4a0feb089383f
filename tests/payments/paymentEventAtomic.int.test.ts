// No payment without its event (issue 20, kill -9 in the middle of writes): a deposit is recorded from a Stripe
// event only in the transaction that marks that event processed (processStoredEvent), and the event is stored
// before anything happens. The database is made to refuse the event's writes (a trigger, as a crash at that
// point would): no paid payment, no confirmed booking, no email remains; once it takes them again, the sweeper
// records the deposit once.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'

import { poolDb } from '../../utilities/transactionDb'
import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { type FakeStripe, startFakeStripe } from '../helpers/fakeStripe'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

const SECRET_KEY = 'sk_test_atelier_atomic_0123456789abcdef'
const WEBHOOK_SECRET = 'whsec_atelier_atomic_secret'

describe('a payment and its event', () => {
  let app: TestApp
  let stripe: FakeStripe
  let smtp: SmtpTestServer
  let studio: Tenant
  let room: Room
  let day = 9

  const db = () => poolDb(app.payload)
  const bookingByRef = async (ref: string): Promise<Booking> => (await app.payload.find({ collection: 'bookings', where: { ref: { equals: ref } } })).docs[0]!
  const paymentsOf = async (bookingId: number) =>
    (await app.payload.find({ collection: 'payments', depth: 0, where: { booking: { equals: bookingId } } })).docs.map(({ amount, status }) => ({ amount, status }))
  const eventRows = async (eventId: string) =>
    ((await db().execute(sql`select status from stripe_events where event_id = ${eventId}`)) as { rows: { status: string }[] }).rows

  /** A booking awaiting its deposit, and the Checkout Session the customer then paid. */
  async function paidSession() {
    const daysAhead = day++
    const created = await book(app.rest, {
      customer: { email: `atomic-${daysAhead}@example.test`, name: 'Paying Customer' },
      end: localSlot(studio, daysAhead, '11:00'),
      room: room.id,
      start: localSlot(studio, daysAhead, '10:00'),
      tenant: studio.slug,
    })
    expect(created.status).toBe(201)
    const response = await app.rest.post(`/public/booking/${created.body.ref}/create-payment?token=${created.body.accessToken}`, undefined, {
      headers: { 'X-Forwarded-For': anotherAddress() },
    })
    const { checkout_url: url } = (await response.json()) as { checkout_url: string }
    const session = [...stripe.sessions.values()].find((candidate) => candidate.url === url)!
    const event = stripe.event('checkout.session.completed', stripe.completeSession(session.id))
    const deliver = () =>
      app.rest.post('/stripe/webhooks', event.payload, { headers: { 'Content-Type': 'application/json', 'Stripe-Signature': stripe.sign(event.payload, WEBHOOK_SECRET) } })
    return { booking: await bookingByRef(created.body.ref), deliver, event }
  }

  const sweep = async () => {
    const job = await app.payload.jobs.queue({ input: {}, task: 'processStripeEvent' })
    await app.payload.jobs.runByID({ id: job.id })
  }

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
    studio = await createTenant(app.payload, { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Atomic Studio', timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, studio)
    room = await createRoom(app.payload, studio, { bufferMinutes: 0, hourlyRate: 5000, leadTimeMinutes: 0 })
    await db().execute(sql`create function refuse_event_write() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' or new.status = 'processed' then raise exception 'test: the event write is refused'; end if;
        return new;
      end $$`)
  })
  afterAll(async () => {
    await app?.close()
    await stripe?.close()
    await smtp?.close()
  })

  it('an event that cannot be stored records nothing (500, Stripe retries)', async () => {
    const { booking, deliver, event } = await paidSession()
    await db().execute(sql`create trigger refuse_event_insert before insert on stripe_events for each row execute function refuse_event_write()`)
    try {
      expect((await deliver()).status).toBe(500)
    } finally {
      await db().execute(sql`drop trigger refuse_event_insert on stripe_events`)
    }
    expect(await eventRows(event.id)).toEqual([])
    expect(await paymentsOf(booking.id)).toEqual([{ amount: 1500, status: 'open' }])
    expect(await bookingByRef(booking.ref!)).toMatchObject({ amountPaid: 0, status: 'awaiting_payment' })

    // Stripe's retry.
    expect((await deliver()).status).toBe(200)
    expect(await paymentsOf(booking.id)).toEqual([{ amount: 1500, status: 'paid' }])
    expect(await eventRows(event.id)).toEqual([{ status: 'processed' }])
  })

  it('a deposit whose event cannot be marked processed is rolled back with it, then recorded once by the sweeper', async () => {
    const { booking, deliver, event } = await paidSession()
    await db().execute(sql`create trigger refuse_event_processed before update on stripe_events for each row execute function refuse_event_write()`)
    try {
      const response = await deliver()
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ status: 'failed' })
    } finally {
      await db().execute(sql`drop trigger refuse_event_processed on stripe_events`)
    }
    // The payment's update and the booking's ran before the event's, in the same transaction: all undone.
    expect(await paymentsOf(booking.id)).toEqual([{ amount: 1500, status: 'open' }])
    expect(await bookingByRef(booking.ref!)).toMatchObject({ amountPaid: 0, status: 'awaiting_payment' })
    expect(await eventRows(event.id)).toEqual([{ status: 'failed' }])
    expect(smtp.messages.filter((mail) => mail.subject === `Booking ${booking.ref} confirmed`)).toEqual([])

    await db().execute(sql`update stripe_events set updated_at = now() - interval '10 minutes' where event_id = ${event.id}`)
    await sweep()
    expect(await eventRows(event.id)).toEqual([{ status: 'processed' }])
    expect(await paymentsOf(booking.id)).toEqual([{ amount: 1500, status: 'paid' }])
    expect(await bookingByRef(booking.ref!)).toMatchObject({ amountPaid: 1500, status: 'confirmed' })
  })
})
