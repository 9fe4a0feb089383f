// Item 6 of the security review: a public booking holds its slot only for the policy's holdMinutes unless
// it is paid (deposit) or confirmed from the emailed link (no deposit); then it expires and frees the slot.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'

import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { runScheduledTasks } from '../helpers/jobs'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Answer = { code?: string; customerConfirmedAt?: null | string; errors?: { message: string }[]; status?: string }

describe('booking holds', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let depositRoom: Room
  let freeRoom: Room
  let day = 3

  const bookingByRef = async (ref: string): Promise<Booking> => (await app.payload.find({ collection: 'bookings', where: { ref: { equals: ref } } })).docs[0]!
  const endHold = (ref: string) => app.payload.db.drizzle.execute(sql`update bookings set hold_expires_at = now() - interval '1 minute' where ref = ${ref}`)

  /** A public booking of `room` at 10:00–11:00, `daysAhead` days out, for a new address unless given. */
  const bookSlot = async (room: Room, daysAhead = day++, email = `guest-${daysAhead}-${room.id}@example.test`) => {
    const created = await book(app.rest, {
      customer: { email, name: 'Guest' },
      end: localSlot(studio, daysAhead, '11:00'),
      room: room.id,
      start: localSlot(studio, daysAhead, '10:00'),
      tenant: studio.slug,
    })
    return { ...created, daysAhead }
  }

  /** The access token and confirmation code of the "received" email's link. */
  const emailedLink = async (ref: string) => {
    const mail = await smtp.waitFor((message) => message.subject === `Booking ${ref} received`)
    const link = new RegExp(`/book/${ref}\\?token=([\\w-]+)&confirm=([0-9a-f]+)`).exec(mail.body)
    return { code: link?.[2], mail, token: link?.[1] }
  }

  const confirm = async (ref: string, { body, headers = {}, query = '' }: { body?: unknown; headers?: Record<string, string>; query?: string }) => {
    const response = await app.rest.post(`/public/booking/${ref}/confirm${query}`, body, { headers: { 'X-Forwarded-For': anotherAddress(), ...headers } })
    return { body: (await response.json()) as Answer, status: response.status }
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_RATE_LIMIT: '1000', ATELIER_PUBLIC_URL: 'https://atelier.example.com' })
    studio = await createTenant(app.payload, { defaultLocale: 'en', name: 'Hold Studio', timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, studio)
    const noDeposit = await app.payload.create({
      collection: 'booking-policies',
      data: { depositAmount: 0, depositType: 'fixed', holdMinutes: 45, name: 'Pay on the day', tenant: studio.id },
    })
    depositRoom = await createRoom(app.payload, studio, { bufferMinutes: 0, leadTimeMinutes: 0 })
    freeRoom = await createRoom(app.payload, studio, { bufferMinutes: 0, leadTimeMinutes: 0, policy: noDeposit.id })
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('an unpaid deposit holds the slot for the policy’s holdMinutes only; then the booking expires and the slot is free', async () => {
    const { body, daysAhead, status } = await bookSlot(depositRoom)
    expect(status).toBe(201)
    expect(body.deposit).toBeGreaterThan(0)
    const stored = await bookingByRef(body.ref)
    expect(stored.status).toBe('pending')
    const holdMinutes = (Date.parse(stored.holdExpiresAt ?? '') - Date.now()) / 60_000
    expect(holdMinutes).toBeGreaterThan(29)
    expect(holdMinutes).toBeLessThanOrEqual(30)

    // Still held before the time is up.
    await runScheduledTasks(app.payload)
    expect((await bookingByRef(body.ref)).status).toBe('pending')
    expect((await bookSlot(depositRoom, daysAhead)).status).toBe(409)

    await endHold(body.ref)
    await runScheduledTasks(app.payload)
    expect(await bookingByRef(body.ref)).toMatchObject({ holdExpiresAt: null, status: 'expired' })
    expect((await bookSlot(depositRoom, daysAhead)).status).toBe(201)
  })

  it('without a deposit, the customer confirms from the emailed link; the access token the booking call returned is not enough', async () => {
    const { body, daysAhead, status } = await bookSlot(freeRoom)
    expect(status).toBe(201)
    expect(body.deposit).toBe(0)
    const held = await bookingByRef(body.ref)
    expect((Date.parse(held.holdExpiresAt ?? '') - Date.now()) / 60_000).toBeGreaterThan(44)

    const { code, mail, token } = await emailedLink(body.ref)
    expect(mail.body).toContain('Confirm my booking')
    expect(token).toBe(body.accessToken)
    expect(code).toBeTruthy()

    // What a script holds after booking: the access token. It proves nothing about the mailbox.
    const selfConfirmed = await confirm(body.ref, { headers: { 'X-Booking-Token': body.accessToken } })
    expect(selfConfirmed.status).toBe(403)
    expect(selfConfirmed.body).toMatchObject({ code: 'link_required', errors: [{ message: expect.any(String) }] })
    expect((await confirm(body.ref, { body: { code: '0'.repeat(64) }, headers: { 'X-Booking-Token': body.accessToken } })).status).toBe(403)
    expect((await confirm(body.ref, { body: { code }, query: `?email=${encodeURIComponent(held.customer.email)}` })).status).toBe(403)
    expect((await confirm(body.ref, { body: { code } })).status).toBe(404)
    expect((await bookingByRef(body.ref)).customerConfirmedAt ?? null).toBeNull()

    const confirmed = await confirm(body.ref, { body: { code }, headers: { 'X-Booking-Token': token! } })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ awaitingCustomerConfirmation: false, status: 'pending' })
    expect(confirmed.body.customerConfirmedAt).toBeTruthy()
    // Idempotent: the same answer, the first confirmation time kept.
    const again = await confirm(body.ref, { body: { code }, headers: { 'X-Booking-Token': token! } })
    expect(again.status).toBe(200)
    expect(again.body.customerConfirmedAt).toBe(confirmed.body.customerConfirmedAt)

    expect(await bookingByRef(body.ref)).toMatchObject({ holdExpiresAt: null, status: 'pending' })
    await runScheduledTasks(app.payload)
    expect((await bookingByRef(body.ref)).status).toBe('pending')
    expect((await bookSlot(freeRoom, daysAhead)).status).toBe(409)
  })

  it('without a deposit and unconfirmed, the booking expires after holdMinutes and frees the slot; confirming late is 409', async () => {
    const { body, daysAhead } = await bookSlot(freeRoom)
    const { code, token } = await emailedLink(body.ref)
    expect((await bookSlot(freeRoom, daysAhead)).status).toBe(409)

    await endHold(body.ref)
    // Past the hold, even before the job has run.
    const late = await confirm(body.ref, { body: { code }, headers: { 'X-Booking-Token': token! } })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('hold_expired')

    await runScheduledTasks(app.payload)
    expect(await bookingByRef(body.ref)).toMatchObject({ holdExpiresAt: null, status: 'expired' })
    const expired = await confirm(body.ref, { body: { code }, headers: { 'X-Booking-Token': token! } })
    expect(expired.status).toBe(409)
    expect(expired.body.code).toBe('hold_expired')
    expect((await bookSlot(freeRoom, daysAhead)).status).toBe(201)
  })

  it('a cancelled booking cannot be confirmed (409)', async () => {
    const { body } = await bookSlot(freeRoom)
    const { code, token } = await emailedLink(body.ref)
    const cancelled = await app.rest.post(`/public/booking/${body.ref}/cancel`, undefined, { headers: { 'X-Booking-Token': token!, 'X-Forwarded-For': anotherAddress() } })
    expect(cancelled.status).toBe(200)
    const answer = await confirm(body.ref, { body: { code }, headers: { 'X-Booking-Token': token! } })
    expect(answer.status).toBe(409)
    expect(answer.body.code).toBe('booking_cancelled')
  })

  it('staff confirming a booking clears its hold', async () => {
    const staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    const staffToken = await app.rest.login(staff.email, PASSWORD)
    for (const room of [freeRoom, depositRoom]) {
      const { body } = await bookSlot(room)
      const stored = await bookingByRef(body.ref)
      expect(stored.holdExpiresAt).toBeTruthy()
      expect((await app.rest.post(`/bookings/${stored.id}/confirm`, undefined, { token: staffToken })).status).toBe(200)
      expect(await bookingByRef(body.ref)).toMatchObject({ holdExpiresAt: null, status: 'confirmed' })
      await endHold(body.ref)
      await runScheduledTasks(app.payload)
      expect((await bookingByRef(body.ref)).status).toBe('confirmed')
    }
  })

  it('staff bookings hold nothing and never expire', async () => {
    const start = localSlot(studio, day, '15:00')
    const booking = await app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'desk@example.test', name: 'Walk-in' }, end: localSlot(studio, day++, '16:00'), room: freeRoom.id, start, status: 'pending', tenant: studio.id },
    })
    expect(booking.holdExpiresAt ?? null).toBeNull()
    await runScheduledTasks(app.payload)
    expect((await app.payload.findByID({ id: booking.id, collection: 'bookings' })).status).toBe('pending')
  })
})
