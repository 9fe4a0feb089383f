// Item 7c of the security review: a booking ref and the customer's email are no secrets, so together they
// may show a booking but not cancel it. Cancelling needs the access token or the emailed lookup link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot, publicGet } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Answer = { cancellation?: string; code?: string; errors?: { message: string }[]; status?: string }

describe('cancelling a public booking', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let room: Room
  let day = 5

  const bookFor = async (email: string) => {
    const daysAhead = day++
    const created = await book(app.rest, {
      customer: { email, name: 'Customer' },
      end: localSlot(studio, daysAhead, '11:00'),
      room: room.id,
      start: localSlot(studio, daysAhead, '10:00'),
      tenant: studio.slug,
    })
    expect(created.status).toBe(201)
    return created.body
  }

  const post = async (path: string, headers: Record<string, string> = {}) => {
    const response = await app.rest.post(path, undefined, { headers: { 'X-Forwarded-For': anotherAddress(), ...headers } })
    return { body: (await response.json()) as Answer, status: response.status }
  }
  const read = async (path: string, headers: Record<string, string> = {}) => {
    const response = await publicGet(app.rest, path, headers)
    return { body: (await response.json()) as Answer, status: response.status }
  }

  /** The token of the "your bookings" link mailed to `email`, asked for as a customer would. */
  const lookupToken = async (email: string) => {
    expect((await publicGet(app.rest, `/public/bookings/search?email=${encodeURIComponent(email)}`)).status).toBe(202)
    await app.payload.jobs.run()
    const mail = await smtp.waitFor((message) => message.subject === 'Your bookings' && message.to.includes(email))
    return /bookings\?token=([\w.-]+)/.exec(mail.body)![1]!
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    studio = await createTenant(app.payload, { defaultLocale: 'en', name: 'Careful Studio' })
    await createDefaultPolicy(app.payload, studio)
    room = await createRoom(app.payload, studio, { bufferMinutes: 0 })
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('ref plus email shows the booking (saying a link is needed to cancel) but cannot cancel it: 403 link_required', async () => {
    const booking = await bookFor('lea@example.test')
    const refused = await post(`/public/booking/${booking.ref}/cancel?email=lea@example.test`)
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ code: 'link_required', errors: [{ message: expect.stringMatching(/link/i) }] })
    expect((await read(`/public/booking/${booking.ref}`, { 'X-Booking-Token': booking.accessToken })).body.status).toBe('pending')
    expect(smtp.messages.some((mail) => mail.subject === `Booking ${booking.ref} cancelled`)).toBe(false)

    const shown = await read(`/public/booking/${booking.ref}?email=lea@example.test`)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ cancellation: 'link_required', status: 'pending' })
    expect((await read(`/public/booking/${booking.ref}/cancel-quote?email=lea@example.test`)).status).toBe(200)
  })

  it('the access token still cancels', async () => {
    const booking = await bookFor('marc@example.test')
    expect((await read(`/public/booking/${booking.ref}`, { 'X-Booking-Token': booking.accessToken })).body.cancellation).toBe('allowed')
    const cancelled = await post(`/public/booking/${booking.ref}/cancel`, { 'X-Booking-Token': booking.accessToken })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
  })

  it('the emailed lookup link cancels (X-Lookup-Token), for the bookings of its own address only', async () => {
    const mine = await bookFor('nina@example.test')
    const theirs = await bookFor('oscar@example.test')
    const token = await lookupToken('nina@example.test')

    const listed = await publicGet(app.rest, `/public/bookings?token=${token}`)
    expect(((await listed.json()) as { bookings: { ref: string }[] }).bookings.map((entry) => entry.ref)).toContain(mine.ref)
    expect((await read(`/public/booking/${mine.ref}`, { 'X-Lookup-Token': token })).body).toMatchObject({ cancellation: 'allowed', status: 'pending' })

    expect((await post(`/public/booking/${theirs.ref}/cancel`, { 'X-Lookup-Token': token })).status).toBe(404)
    expect((await post(`/public/booking/${mine.ref}/cancel`, { 'X-Lookup-Token': `${token.split('.')[0]}.${'0'.repeat(64)}` })).status).toBe(404)
    const cancelled = await post(`/public/booking/${mine.ref}/cancel`, { 'X-Lookup-Token': token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.status).toBe('cancelled')
    expect((await read(`/public/booking/${theirs.ref}`, { 'X-Booking-Token': theirs.accessToken })).body.status).toBe('pending')
  })
})
