// What the public API answers so that the booking pages compute no rule of their own, over REST on real
// PostgreSQL: each slot's price and deposit (what booking it then charges), each room's priced durations, and
// on a booking `payable`, `cancellable`, `phase` and `statusLabel` as it goes through its life.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot, publicGet } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Slot = { deposit: number; end: string; price: number; start: string }
type Availability = { currency: string; days: { date: string; slots: Slot[] }[] }
type Standing = { cancellable: boolean; payable: boolean; phase: string; status: string; statusLabel: string }
type Answer = Standing & { awaitingCustomerConfirmation: boolean; cancellation?: string; currency: string; deposit: number; price: number; ref: string }

const RECEIVED = 'Received, waiting for the studio to confirm'

describe('public answers: prices and standing from the server', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let depositRoom: Room
  let freeRoom: Room
  let staffToken: string
  let day = 4

  const availability = async (room: Room, daysAhead: number, duration: number): Promise<Availability> => {
    const date = localSlot(studio, daysAhead, '00:00').slice(0, 10)
    const response = await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=${date}&to=${date}&duration=${duration}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Availability
  }

  const bookSlot = async (room: Room, slot: Pick<Slot, 'end' | 'start'>, email: string) => {
    const created = await book(app.rest, { customer: { email, name: 'Guest' }, end: slot.end, room: room.id, start: slot.start, tenant: studio.slug })
    expect(created.status).toBe(201)
    return created.body as unknown as Answer & { accessToken: string }
  }

  /** The first free slot of `room` a new day ahead, booked one hour long. */
  const bookNext = async (room: Room, email: string) => {
    const daysAhead = day++
    return bookSlot(room, { end: localSlot(studio, daysAhead, '11:00'), start: localSlot(studio, daysAhead, '10:00') }, email)
  }

  const read = async (ref: string, accessToken: string): Promise<Answer> => {
    const response = await publicGet(app.rest, `/public/booking/${ref}`, { 'X-Booking-Token': accessToken })
    expect(response.status).toBe(200)
    return (await response.json()) as Answer
  }

  const post = async (path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await app.rest.post(path, body, { headers: { 'X-Forwarded-For': anotherAddress(), ...headers } })
    return { body: (await response.json()) as Answer, status: response.status }
  }

  const standing = (answer: Standing) => ({ cancellable: answer.cancellable, payable: answer.payable, phase: answer.phase, statusLabel: answer.statusLabel })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    studio = await createTenant(app.payload, { defaultCurrency: 'EUR', defaultLocale: 'en', name: 'Priced Studio', timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, studio)
    const noDeposit = await app.payload.create({
      collection: 'booking-policies',
      data: { depositAmount: 0, depositType: 'fixed', holdMinutes: 45, name: 'Pay on the day', tenant: studio.id },
    })
    // 29.99 an hour, so that 90 minutes and its 30 % deposit both round.
    depositRoom = await createRoom(app.payload, studio, { bufferMinutes: 0, hourlyRate: 2999, leadTimeMinutes: 0, name: 'A deposit room' })
    freeRoom = await createRoom(app.payload, studio, { bufferMinutes: 0, hourlyRate: 4000, leadTimeMinutes: 0, name: 'B free room', policy: noDeposit.id })
    const staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    staffToken = await app.rest.login(staff.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('each free slot carries the price and deposit that booking it then charges, under the room’s own terms', async () => {
    const quoted = await availability(depositRoom, 30, 90)
    expect(quoted.currency).toBe('EUR')
    const slots = quoted.days.flatMap((entry) => entry.slots)
    expect(slots.length).toBeGreaterThan(0)
    // 90 min at 29.99: 44.985 → 44.99; 30 % of it: 13.497 → 13.50 (the studio's default policy).
    for (const slot of slots) expect({ deposit: slot.deposit, price: slot.price }).toEqual({ deposit: 1350, price: 4499 })

    const slot = slots[2]!
    const created = await bookSlot(depositRoom, slot, 'priced@example.test')
    expect({ currency: created.currency, deposit: created.deposit, price: created.price }).toEqual({ currency: quoted.currency, deposit: slot.deposit, price: slot.price })
    const stored = (await app.payload.find({ collection: 'bookings', where: { ref: { equals: created.ref } } })).docs[0]!
    expect({ deposit: stored.deposit, price: stored.price }).toEqual({ deposit: slot.deposit, price: slot.price })
    // The slot is gone from the answer once booked.
    expect((await availability(depositRoom, 30, 90)).days.flatMap((entry) => entry.slots).map((entry) => entry.start)).not.toContain(slot.start)

    // A room under its own no-deposit policy: priced at its rate, no deposit, as booking it charges.
    const free = (await availability(freeRoom, 30, 120)).days.flatMap((entry) => entry.slots)[0]!
    expect({ deposit: free.deposit, price: free.price }).toEqual({ deposit: 0, price: 8000 })
    const booked = await bookSlot(freeRoom, free, 'free@example.test')
    expect({ deposit: booked.deposit, price: booked.price }).toEqual({ deposit: free.deposit, price: free.price })
  })

  it('each room lists the durations the page offers, priced as a booking of that length is', async () => {
    const response = await publicGet(app.rest, `/public/tenants/${studio.slug}/rooms`)
    expect(response.status).toBe(200)
    const { rooms } = (await response.json()) as { rooms: { durations: { minutes: number; price: number }[]; hourlyRate: number; id: number }[] }
    const priced = rooms.find((entry) => entry.id === depositRoom.id)!
    expect(priced.hourlyRate).toBe(2999)
    // 60 to 240 minutes in 30-minute steps.
    expect(priced.durations.map((entry) => entry.minutes)).toEqual([60, 90, 120, 150, 180, 210, 240])
    expect(priced.durations.find((entry) => entry.minutes === 90)?.price).toBe(4499)
    const slot = (await availability(depositRoom, 31, 150)).days.flatMap((entry) => entry.slots)[0]!
    expect(slot.price).toBe(priced.durations.find((entry) => entry.minutes === 150)?.price)
    const created = await bookSlot(depositRoom, slot, 'longer@example.test')
    expect(created.price).toBe(slot.price)
  })

  it('a pending booking with a deposit is payable and cancellable; cancelled, it is neither', async () => {
    const created = await bookNext(depositRoom, 'cancel-me@example.test')
    expect(created.deposit).toBeGreaterThan(0)
    expect(standing(created)).toEqual({ cancellable: true, payable: true, phase: 'open', statusLabel: RECEIVED })
    const shown = await read(created.ref, created.accessToken)
    expect(standing(shown)).toEqual({ cancellable: true, payable: true, phase: 'open', statusLabel: RECEIVED })
    expect(shown.cancellation).toBe('allowed')

    const cancelled = await post(`/public/booking/${created.ref}/cancel`, { 'X-Booking-Token': created.accessToken })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    expect(standing(cancelled.body)).toEqual({ cancellable: false, payable: false, phase: 'ended', statusLabel: 'Cancelled' })
    expect(cancelled.body.cancellation).toBe('unavailable')
    expect(standing(await read(created.ref, created.accessToken))).toEqual(standing(cancelled.body))
  })

  it('a paid deposit is no longer payable, nor is a pending booking past its hold (before the expiry job)', async () => {
    const paid = await bookNext(depositRoom, 'paid@example.test')
    // As the payments plugin records a deposit; the policy auto-confirms, but the status is left as it was here.
    await app.payload.db.drizzle.execute(sql`update bookings set amount_paid = deposit where ref = ${paid.ref}`)
    const afterPayment = await read(paid.ref, paid.accessToken)
    expect(afterPayment.status).toBe('pending')
    expect(standing(afterPayment)).toEqual({ cancellable: true, payable: false, phase: 'open', statusLabel: RECEIVED })

    const lapsed = await bookNext(depositRoom, 'lapsed@example.test')
    await app.payload.db.drizzle.execute(sql`update bookings set hold_expires_at = now() - interval '1 minute' where ref = ${lapsed.ref}`)
    const afterHold = await read(lapsed.ref, lapsed.accessToken)
    expect(afterHold.status).toBe('pending')
    expect(standing(afterHold)).toEqual({ cancellable: true, payable: false, phase: 'open', statusLabel: RECEIVED })
  })

  it('no deposit: waiting for the customer, who confirms from the email; then the studio confirms it', async () => {
    const created = await bookNext(freeRoom, 'no-deposit@example.test')
    expect(created).toMatchObject({ awaitingCustomerConfirmation: true, deposit: 0, status: 'pending' })
    expect(standing(created)).toEqual({ cancellable: true, payable: false, phase: 'open', statusLabel: 'Waiting for your confirmation' })

    const mail = await smtp.waitFor((message) => message.subject === `Booking ${created.ref} received`)
    const code = new RegExp(`/book/${created.ref}\\?token=[\\w-]+&confirm=([0-9a-f]+)`).exec(mail.body)?.[1]
    expect(code).toBeTruthy()
    const confirmed = await post(`/public/booking/${created.ref}/confirm`, { 'X-Booking-Token': created.accessToken }, { code })
    expect(confirmed.status).toBe(200)
    expect(standing(confirmed.body)).toEqual({ cancellable: true, payable: false, phase: 'open', statusLabel: RECEIVED })

    const { docs } = await app.payload.find({ collection: 'bookings', where: { ref: { equals: created.ref } } })
    expect((await app.rest.post(`/bookings/${docs[0]!.id}/confirm`, undefined, { token: staffToken })).status).toBe(200)
    const kept = await read(created.ref, created.accessToken)
    expect(kept.status).toBe('confirmed')
    expect(standing(kept)).toEqual({ cancellable: true, payable: false, phase: 'kept', statusLabel: 'Confirmed' })
  })

  it('the list of one’s bookings carries the same standing', async () => {
    const email = 'listed@example.test'
    const open = await bookNext(depositRoom, email)
    const cancelled = await bookNext(depositRoom, email)
    expect((await post(`/public/booking/${cancelled.ref}/cancel`, { 'X-Booking-Token': cancelled.accessToken })).status).toBe(200)

    expect((await publicGet(app.rest, `/public/bookings/search?email=${encodeURIComponent(email)}`)).status).toBe(202)
    await app.payload.jobs.run()
    const mail = await smtp.waitFor((message) => message.subject === 'Your bookings' && message.to.includes(email))
    const token = /bookings\?token=([\w.-]+)/.exec(mail.body)![1]!
    const response = await publicGet(app.rest, `/public/bookings?token=${token}`)
    expect(response.status).toBe(200)
    const { bookings } = (await response.json()) as { bookings: Answer[] }
    const byRef = Object.fromEntries(bookings.map((entry) => [entry.ref, standing(entry)]))
    expect(byRef[open.ref]).toEqual({ cancellable: true, payable: true, phase: 'open', statusLabel: RECEIVED })
    expect(byRef[cancelled.ref]).toEqual({ cancellable: false, payable: false, phase: 'ended', statusLabel: 'Cancelled' })
  })
})
