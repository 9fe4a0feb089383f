// The public booking API end to end in-process: create, read with proof, cancel with a quote, lookup by
// email, availability; no double booking; every bad input answered with a 4xx.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { anotherAddress, book, createDefaultPolicy, createRoom, localSlot, publicGet } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { allRowsAsText } from '../helpers/sites'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

describe('public booking API', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let lumiere: Tenant
  let other: Tenant
  let room: Room
  let otherRoom: Room
  const tokensSeen: string[] = []

  const request = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
    customer: { email: 'chloe@example.test', name: 'Chloé Martin' },
    end,
    room: room.id,
    start,
    tenant: lumiere.slug,
    ...extra,
  })

  beforeAll(async () => {
    smtp = await startSmtpServer()
    // One address books more than the default three open bookings here (the limit has its own test).
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL: '10', ATELIER_PUBLIC_RATE_LIMIT: '150', ATELIER_PUBLIC_URL: 'https://atelier.example.com' })
    lumiere = await createTenant(app.payload, { defaultCurrency: 'EUR', defaultLocale: 'fr', name: 'Studio Lumière', timezone: 'Europe/Paris' })
    other = await createTenant(app.payload, { name: 'Other studio', timezone: 'America/Montreal' })
    await createDefaultPolicy(app.payload, lumiere)
    room = await createRoom(app.payload, lumiere, { name: 'Grande salle' })
    otherRoom = await createRoom(app.payload, other)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  describe('create', () => {
    it('a clash of the random ref is tried again with a new one: 201, one booking, one audit entry', async () => {
      // The first INSERT fails as a duplicate ref would (a sequence counts tries: it is not rolled back).
      const db = app.payload.db.drizzle as unknown as { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
      await db.execute(sql`create sequence ref_clash_tries`)
      await db.execute(sql.raw(`create function ref_clash_once() returns trigger language plpgsql as $$ begin
        if nextval('ref_clash_tries') = 1 then raise unique_violation using message = 'duplicate key value violates unique constraint "bookings_ref_idx"'; end if;
        return new; end $$`))
      await db.execute(sql`create trigger ref_clash_once before insert on bookings for each row execute function ref_clash_once()`)
      try {
        const start = localSlot(lumiere, 25, '10:00')
        const { body, status } = await book(app.rest, request(start, localSlot(lumiere, 25, '11:00')))
        expect(status).toBe(201)
        expect((await db.execute(sql`select last_value from ref_clash_tries`)).rows[0]?.last_value).toBe('2')
        const stored = await db.execute(sql`select id, ref from bookings where start = ${start}`)
        expect(stored.rows).toEqual([{ id: expect.any(Number), ref: body.ref }])
        const audited = await app.payload.count({ collection: 'audit-logs', where: { collection: { equals: 'bookings' }, documentId: { equals: String(stored.rows[0]!.id) } } })
        expect(audited.totalDocs).toBe(1)
      } finally {
        await db.execute(sql`drop trigger ref_clash_once on bookings`)
        await db.execute(sql`drop function ref_clash_once()`)
        await db.execute(sql`drop sequence ref_clash_tries`)
      }
    })

    it('201 with the server’s price and deposit (a client price is ignored), an access token, and a French email', async () => {
      const start = localSlot(lumiere, 10, '10:00')
      const end = localSlot(lumiere, 10, '12:00')
      const { body, status } = await book(app.rest, request(start, end, { deposit: 1, price: 1 }))
      expect(status).toBe(201)
      expect(body).toMatchObject({ currency: 'EUR', deposit: 1800, end, price: 6000, start, status: 'pending' })
      expect(body.ref).toMatch(/^BK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
      expect(body.accessToken).toMatch(/^[\w-]{43}$/)
      tokensSeen.push(body.accessToken)

      const mail = await smtp.waitFor((message) => message.subject.includes(body.ref))
      expect(mail.to).toEqual(['chloe@example.test'])
      expect(mail.subject).toBe(`Réservation ${body.ref} reçue`)
      expect(mail.body).toContain(body.accessToken)
      expect(mail.body).toContain('Grande salle')
      expect(mail.body).toContain(`https://atelier.example.com/${lumiere.slug}/book/${body.ref}?token=${body.accessToken}`)

      const stored = await app.payload.find({ collection: 'bookings', where: { ref: { equals: body.ref } } })
      expect(stored.docs[0]).toMatchObject({ amountPaid: 0, deposit: 1800, price: 6000, source: 'public', status: 'pending' })
    })

    it('409 slot_taken for an overlap, and for a start inside the buffer; free again right after the buffer', async () => {
      const first = await book(app.rest, request(localSlot(lumiere, 11, '14:00'), localSlot(lumiere, 11, '15:00')))
      expect(first.status).toBe(201)
      const overlap = await book(app.rest, request(localSlot(lumiere, 11, '14:30'), localSlot(lumiere, 11, '15:30')))
      expect(overlap.status).toBe(409)
      expect(overlap.body).toMatchObject({ code: 'slot_taken', errors: [{ message: expect.any(String) }] })
      expect((await book(app.rest, request(localSlot(lumiere, 11, '15:00'), localSlot(lumiere, 11, '16:00')))).status).toBe(409)
      expect((await book(app.rest, request(localSlot(lumiere, 11, '12:30'), localSlot(lumiere, 11, '13:50')))).status).toBe(409)
      expect((await book(app.rest, request(localSlot(lumiere, 11, '15:15'), localSlot(lumiere, 11, '16:15')))).status).toBe(201)
    })

    it('answers every kind of bad input with a 4xx and a path, never a 500', async () => {
      const start = localSlot(lumiere, 12, '10:00')
      const end = localSlot(lumiere, 12, '11:00')
      const cases: [string, unknown, number][] = [
        ['empty body', {}, 400],
        ['not an object', [1, 2], 400],
        ['wrong types', { ...request(start, end), room: 'grande', start: 12 }, 400],
        ['missing customer', { ...request(start, end), customer: undefined }, 400],
        ['bad email', request(start, end, { customer: { email: 'nope', name: 'X' } }), 400],
        ['huge name', request(start, end, { customer: { email: 'a@b.test', name: 'x'.repeat(10_000) } }), 400],
        ['huge notes', request(start, end, { notes: 'x'.repeat(100_000) }), 400],
        ['invalid date', request('2026-02-30T10:00:00+01:00', end), 400],
        ['no offset', request(start.slice(0, 19), end), 400],
        ['end before start', request(end, start), 400],
        ['too short', request(start, localSlot(lumiere, 12, '10:30')), 400],
        ['too long', request(start, localSlot(lumiere, 12, '15:00')), 400],
        ['outside opening hours', request(localSlot(lumiere, 12, '06:00'), localSlot(lumiere, 12, '07:00')), 400],
        ['too soon', request(new Date(Date.now() + 10 * 60_000).toISOString(), new Date(Date.now() + 70 * 60_000).toISOString()), 400],
        ['in the past', request(localSlot(lumiere, -3, '10:00'), localSlot(lumiere, -3, '11:00')), 400],
        ['centuries ahead', request('9999-12-30T10:00:00+01:00', '9999-12-30T11:00:00+01:00'), 400],
        ['three years ahead', request(localSlot(lumiere, 3 * 366, '10:00'), localSlot(lumiere, 3 * 366, '11:00')), 400],
        ['unknown room', { ...request(start, end), room: 999_999 }, 404],
        ['huge room id', { ...request(start, end), room: 1e20 }, 400],
        ['another studio’s room', { ...request(start, end), room: otherRoom.id }, 404],
        ['unknown studio', { ...request(start, end), tenant: 'nowhere' }, 404],
      ]
      for (const [label, body, expected] of cases) {
        const answer = await book(app.rest, body as Record<string, unknown>)
        expect(answer.status, label).toBe(expected)
        expect(answer.body.errors?.length, label).toBeGreaterThan(0)
      }
      const notJson = await app.rest.post('/public/booking', '{"room":', { headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': anotherAddress() } })
      expect(notJson.status).toBe(400)
    })
  })

  describe('a customer’s own booking', () => {
    let ref: string
    let accessToken: string

    beforeAll(async () => {
      const created = await book(app.rest, request(localSlot(lumiere, 20, '10:00'), localSlot(lumiere, 20, '13:00')))
      expect(created.status).toBe(201)
      ref = created.body.ref
      accessToken = created.body.accessToken
      tokensSeen.push(accessToken)
      // A paid deposit, as the payments plugin will record it.
      await app.payload.db.drizzle.execute(sql`update bookings set amount_paid = deposit where ref = ${ref}`)
    })

    it('a ref alone reveals nothing (404, like an unknown ref); the token or the email shows it', async () => {
      expect((await publicGet(app.rest, `/public/booking/${ref}`)).status).toBe(404)
      expect((await publicGet(app.rest, `/public/booking/${ref}?token=wrong-token`)).status).toBe(404)
      expect((await publicGet(app.rest, `/public/booking/${ref}?email=someone@else.test`)).status).toBe(404)
      expect((await publicGet(app.rest, `/public/booking/BK-0000-0000?token=${accessToken}`)).status).toBe(404)
      expect((await publicGet(app.rest, '/public/booking/not-a-ref?token=x')).status).toBe(400)

      const byHeader = await publicGet(app.rest, `/public/booking/${ref}`, { 'X-Booking-Token': accessToken })
      expect(byHeader.status).toBe(200)
      expect(await byHeader.json()).toMatchObject({ customer: { name: 'Chloé Martin' }, ref, room: { name: 'Grande salle' }, status: 'pending', timezone: 'Europe/Paris' })
      expect((await publicGet(app.rest, `/public/booking/${ref.toLowerCase()}?email=CHLOE@example.test`)).status).toBe(200)
    })

    it('shows the cancel quote, then cancels with it stored, emails the refund, and frees the slot', async () => {
      const quote = await publicGet(app.rest, `/public/booking/${ref}/cancel-quote?token=${accessToken}`)
      expect(quote.status).toBe(200)
      // 20 days ahead: the 7-day tier, full refund of the paid deposit (30 % of 9000).
      expect(await quote.json()).toMatchObject({ currency: 'EUR', paid: 2700, refundAmount: 2700, refundPercent: 100, tier: { noticeAmount: 7, noticeUnit: 'days' } })

      expect((await app.rest.post(`/public/booking/${ref}/cancel`, undefined, { headers: { 'X-Forwarded-For': anotherAddress() } })).status).toBe(404)
      const cancelled = await app.rest.post(`/public/booking/${ref}/cancel?token=${accessToken}`, undefined, { headers: { 'X-Forwarded-For': anotherAddress() } })
      expect(cancelled.status).toBe(200)
      expect(await cancelled.json()).toMatchObject({ refundQuote: { refundAmount: 2700, refundPercent: 100 }, status: 'cancelled' })
      const mail = await smtp.waitFor((message) => message.subject === `Réservation ${ref} annulée`)
      expect(mail.body).toMatch(/Remboursement\s*:\s*27,00\s€/)

      const again = await app.rest.post(`/public/booking/${ref}/cancel?token=${accessToken}`, undefined, { headers: { 'X-Forwarded-For': anotherAddress() } })
      expect(again.status).toBe(409)
      expect(await again.json()).toMatchObject({ code: 'illegal_transition' })
      expect((await book(app.rest, request(localSlot(lumiere, 20, '10:00'), localSlot(lumiere, 20, '11:00')))).status).toBe(201)
    })
  })

  describe('lookup by email', () => {
    it('answers the same for known and unknown addresses, and mails a working link only to a known one', async () => {
      const known = await publicGet(app.rest, '/public/bookings/search?email=chloe@example.test')
      const unknown = await publicGet(app.rest, '/public/bookings/search?email=nobody@example.test')
      expect(known.status).toBe(202)
      expect(unknown.status).toBe(202)
      expect(await known.text()).toBe(await unknown.text())
      expect((await publicGet(app.rest, '/public/bookings/search?email=not-an-email')).status).toBe(400)

      await app.payload.jobs.run()
      const mail = await smtp.waitFor((message) => message.subject === 'Vos réservations' && message.to.includes('chloe@example.test'))
      expect(smtp.messages.some((message) => message.to.includes('nobody@example.test'))).toBe(false)

      const token = /bookings\?token=([\w.-]+)/.exec(mail.body)?.[1]
      expect(token).toBeTruthy()
      const listed = await publicGet(app.rest, `/public/bookings?token=${token}`)
      expect(listed.status).toBe(200)
      const body = (await listed.json()) as { bookings: { ref: string; studio: { slug: string } }[]; email: string }
      expect(body.email).toBe('chloe@example.test')
      expect(body.bookings.length).toBeGreaterThanOrEqual(3)
      expect(body.bookings.every((booking) => booking.studio.slug === lumiere.slug)).toBe(true)
      expect(JSON.stringify(body)).not.toContain('accessToken')

      const forged = `${token!.split('.')[0]}.${'0'.repeat(64)}`
      expect((await publicGet(app.rest, `/public/bookings?token=${forged}`)).status).toBe(404)
    })
  })

  describe('availability', () => {
    it('lists free slots per local day in the studio’s zone, without taken ones', async () => {
      const date = localSlot(lumiere, 11, '00:00').slice(0, 10)
      const response = await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=${date}&to=${date}&duration=60`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { days: { date: string; slots: { end: string; start: string }[] }[]; timezone: string }
      expect(body.timezone).toBe('Europe/Paris')
      expect(body.days).toHaveLength(1)
      const starts = body.days[0]!.slots.map((slot) => slot.start.slice(11, 16))
      expect(starts[0]).toBe('09:00')
      expect(starts.at(-1)).toBe('20:00')
      // 14:00–15:00 and 15:15–16:15 are booked, with a 15-minute buffer either side.
      for (const taken of ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00']) expect(starts).not.toContain(taken)
      expect(starts).toContain('12:30')
      expect(starts).toContain('16:30')
    })

    it('refuses ranges over 62 days, reversed ranges, bad durations and unknown rooms', async () => {
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=2027-01-01&to=2027-03-05`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=2027-01-01&to=2027-03-04`)).status).toBe(200)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=2027-01-05&to=2027-01-01`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?duration=30`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=yesterday`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=0050-01-01&to=0050-01-01`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=9999-12-31&to=9999-12-31`)).status).toBe(400)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?extra=1`)).status).toBe(400)
      expect((await publicGet(app.rest, '/public/rooms/999999/availability')).status).toBe(404)
      await app.payload.update({ id: otherRoom.id, collection: 'rooms', data: { active: false } })
      expect((await publicGet(app.rest, `/public/rooms/${otherRoom.id}/availability`)).status).toBe(404)
    })

    it('lists a studio’s active rooms by slug', async () => {
      const response = await publicGet(app.rest, `/public/tenants/${lumiere.slug}/rooms`)
      const body = (await response.json()) as { rooms: { id: number }[]; tenant: { timezone: string } }
      expect(body.tenant.timezone).toBe('Europe/Paris')
      expect(body.rooms.map((entry) => entry.id)).toEqual([room.id])
      expect((await publicGet(app.rest, '/public/tenants/nowhere/rooms')).status).toBe(404)
      expect((await publicGet(app.rest, '/public/tenants/a%00b/rooms')).status).toBe(400)
    })
  })

  it('limits each client address (429 with Retry-After), not the others', async () => {
    const statuses: number[] = []
    let retryAfter: null | string = null
    for (let index = 0; index < 151; index += 1) {
      const response = await app.rest.get(`/public/tenants/${lumiere.slug}/rooms`, { headers: { 'X-Forwarded-For': '203.0.113.99' } })
      statuses.push(response.status)
      if (response.status === 429) retryAfter = response.headers.get('Retry-After')
    }
    expect(statuses.slice(0, 150).every((status) => status === 200)).toBe(true)
    expect(statuses[150]).toBe(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect((await publicGet(app.rest, `/public/tenants/${lumiere.slug}/rooms`)).status).toBe(200)
  })

  it('stores no access token in plaintext', async () => {
    const everything = await allRowsAsText(app.payload)
    for (const token of tokensSeen) expect(everything).not.toContain(token)
  })
})
