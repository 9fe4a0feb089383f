// Staff side of booking: filters over Payload REST, confirm and convert, staff-made bookings and sessions
// under the same no-overlap guarantee, the transition table, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Session, Tenant, User } from '../../payload-types'

import { book, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { createArtist } from '../helpers/sites'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type List<T> = { docs: T[]; totalDocs: number }

describe('staff booking management', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let rival: Tenant
  let room: Room
  let rivalRoom: Room
  let staff: User
  let staffToken: string
  let editorToken: string
  let rivalToken: string

  const publicBooking = async (daysAhead: number, from: string, to: string, email = 'sam@example.test') => {
    const created = await book(app.rest, {
      customer: { email, name: 'Sam Client' },
      end: localSlot(studio, daysAhead, to),
      room: room.id,
      start: localSlot(studio, daysAhead, from),
      tenant: studio.slug,
    })
    expect(created.status).toBe(201)
    const { docs } = await app.payload.find({ collection: 'bookings', where: { ref: { equals: created.body.ref } } })
    return docs[0]!
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
    // One address books more than the default three open bookings here (the limit has its own test).
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL: '20', ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    studio = await createTenant(app.payload, { defaultLocale: 'en', name: 'North Studio', timezone: 'America/Montreal', defaultCurrency: 'CAD' })
    rival = await createTenant(app.payload, { name: 'Rival Studio' })
    room = await createRoom(app.payload, studio, { bufferMinutes: 0, hourlyRate: 4000 })
    rivalRoom = await createRoom(app.payload, rival)
    staff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    const editor = await createUser(app.payload, [{ role: 'editor', tenant: studio }])
    const rivalAdmin = await createUser(app.payload, [{ role: 'admin', tenant: rival }])
    staffToken = await app.rest.login(staff.email, PASSWORD)
    editorToken = await app.rest.login(editor.email, PASSWORD)
    rivalToken = await app.rest.login(rivalAdmin.email, PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('filters bookings over Payload REST by status, room, date range, customer email and ref', async () => {
    const first = await publicBooking(5, '10:00', '11:00', 'filter-a@example.test')
    const second = await publicBooking(6, '10:00', '11:00', 'filter-b@example.test')
    const list = async (query: string) => ((await (await app.rest.get(`/bookings?depth=0&limit=100&${query}`, { token: staffToken })).json()) as List<Booking>).docs.map((doc) => doc.ref)

    expect(await list(`where[ref][equals]=${first.ref}`)).toEqual([first.ref])
    expect(await list('where[customer.email][equals]=filter-b@example.test')).toEqual([second.ref])
    expect(await list(`where[room][equals]=${room.id}&where[status][equals]=pending`)).toEqual(expect.arrayContaining([first.ref, second.ref]))
    const dayFive = localSlot(studio, 5, '00:00')
    const daySix = localSlot(studio, 6, '00:00')
    expect(await list(`where[start][greater_than_equal]=${encodeURIComponent(dayFive)}&where[start][less_than]=${encodeURIComponent(daySix)}`)).toEqual([first.ref])
  })

  it('confirm: staff with bookings:confirm, emails the customer; readers without it get 403, other studios 404', async () => {
    const booking = await publicBooking(7, '09:00', '10:00', 'confirm@example.test')
    expect((await app.rest.post(`/bookings/${booking.id}/confirm`)).status).toBe(401)
    // Editors cannot even see bookings; a role that reads them but may not confirm gets 403.
    expect((await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: editorToken })).status).toBe(404)
    const viewer = await app.payload.create({
      collection: 'roles',
      data: { name: 'Front desk viewer', permissions: [{ actions: ['read'], resource: 'bookings' }], slug: 'viewer', tenant: studio.id },
    })
    const reader = await createUser(app.payload, [{ role: 'artist', tenant: studio }])
    await app.payload.create({ collection: 'role-assignments', data: { role: viewer.id, tenant: studio.id, user: reader.id } })
    const readerToken = await app.rest.login(reader.email, PASSWORD)
    expect((await app.rest.get(`/bookings/${booking.id}`, { token: readerToken })).status).toBe(200)
    expect((await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: readerToken })).status).toBe(403)
    expect((await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: rivalToken })).status).toBe(404)
    const confirmed = await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: staffToken })
    expect(confirmed.status).toBe(200)
    expect(((await confirmed.json()) as { booking: Booking }).booking.status).toBe('confirmed')
    expect((await smtp.waitFor((mail) => mail.subject === `Booking ${booking.ref} confirmed`)).to).toEqual(['confirm@example.test'])

    const again = await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: staffToken })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'illegal_transition' })
  })

  it('convert: a session and the booking converted, in one transaction', async () => {
    const booking = await publicBooking(8, '13:00', '15:00')
    await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: staffToken })
    const artist = await createArtist(app.payload, studio)
    const response = await app.rest.post(`/bookings/${booking.id}/convert`, { artist: artist.id, notes: 'Bring the blue backdrop' }, { token: staffToken })
    expect(response.status).toBe(201)
    const { booking: converted, session } = (await response.json()) as { booking: Booking; session: Session }
    expect(converted.status).toBe('converted')
    expect(session).toMatchObject({ artist: artist.id, booking: booking.id, end: booking.end, notes: 'Bring the blue backdrop', room: room.id, staff: staff.id, start: booking.start, status: 'scheduled' })

    // Converting twice fails whole: no second session.
    expect((await app.rest.post(`/bookings/${booking.id}/convert`, undefined, { token: staffToken })).status).toBe(409)
    expect((await app.payload.count({ collection: 'sessions', where: { booking: { equals: booking.id } } })).totalDocs).toBe(1)

    // An artist of another studio is refused, and nothing is written.
    const other = await publicBooking(8, '16:00', '17:00')
    await app.rest.post(`/bookings/${other.id}/confirm`, undefined, { token: staffToken })
    const foreign = await createArtist(app.payload, rival)
    const refused = await app.rest.post(`/bookings/${other.id}/convert`, { artist: foreign.id }, { token: staffToken })
    expect(refused.status).toBe(400)
    expect((await app.payload.findByID({ collection: 'bookings', id: other.id })).status).toBe('confirmed')
    expect((await app.payload.count({ collection: 'sessions', where: { booking: { equals: other.id } } })).totalDocs).toBe(0)

    // A super admin from outside the studio converts too; they are not made the session's staff.
    const operator = await createUser(app.payload, [], { superAdmin: true })
    const byOperator = await app.rest.post(`/bookings/${other.id}/convert`, undefined, { token: await app.rest.login(operator.email, PASSWORD) })
    expect(byOperator.status).toBe(201)
    expect(((await byOperator.json()) as { session: Session }).session.staff ?? null).toBeNull()
  })

  it('staff bookings over REST: source staff, the price from the room, and the same 409 slot_taken', async () => {
    const start = localSlot(studio, 9, '10:00')
    const created = await app.rest.post(
      '/bookings',
      { customer: { email: 'walkin@example.test', name: 'Walk In' }, end: localSlot(studio, 9, '11:30'), price: 1, room: room.id, start, tenant: studio.id },
      { token: staffToken },
    )
    expect(created.status).toBe(201)
    expect(((await created.json()) as { doc: Booking }).doc).toMatchObject({ currency: 'CAD', price: 6000, source: 'staff', status: 'pending' })

    const overlapping = await app.rest.post(
      '/bookings',
      { customer: { email: 'late@example.test', name: 'Late' }, end: localSlot(studio, 9, '12:00'), room: room.id, start: localSlot(studio, 9, '11:00'), tenant: studio.id },
      { token: staffToken },
    )
    expect(overlapping.status).toBe(409)
    expect(await overlapping.json()).toMatchObject({ code: 'slot_taken' })
  })

  it('sessions never overlap bookings or each other, whichever is written first', async () => {
    const booking = await publicBooking(10, '10:00', '11:00')
    const session = (start: string, end: string) =>
      app.rest.post('/sessions', { end: localSlot(studio, 10, end), room: room.id, start: localSlot(studio, 10, start), tenant: studio.id }, { token: staffToken })

    const onTheBooking = await session('10:30', '11:30')
    expect(onTheBooking.status, JSON.stringify(await onTheBooking.clone().json())).toBe(409)
    expect(await onTheBooking.json()).toMatchObject({ code: 'slot_taken' })

    const first = await session('12:00', '13:00')
    expect(first.status, JSON.stringify(await first.clone().json())).toBe(201)
    const onTheSession = await session('12:30', '13:30')
    expect(onTheSession.status, JSON.stringify(await onTheSession.clone().json())).toBe(409)
    const publicOnTheSession = await book(app.rest, {
      customer: { email: 'x@example.test', name: 'X' },
      end: localSlot(studio, 10, '13:00'),
      room: room.id,
      start: localSlot(studio, 10, '12:00'),
      tenant: studio.slug,
    })
    expect(publicOnTheSession.status).toBe(409)
    expect(publicOnTheSession.body.code).toBe('slot_taken')

    // A cancelled booking frees its slot for a session.
    await app.rest.post(`/bookings/${booking.id}/cancel`, undefined, { token: staffToken })
    expect((await session('10:30', '11:30')).status).toBe(201)
  })

  it('one default policy per studio: a second default is refused with a 4xx', async () => {
    const admin = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    const adminToken = await app.rest.login(admin.email, PASSWORD)
    const policy = (isDefault: boolean, name: string) =>
      app.rest.post('/booking-policies', { depositPercent: 20, depositType: 'percentage', holdMinutes: 20, isDefault, name, tenant: studio.id }, { token: adminToken })
    expect((await policy(true, 'House')).status).toBe(201)
    const second = await policy(true, 'Another house')
    expect(second.status).toBeGreaterThanOrEqual(400)
    expect(second.status).toBeLessThan(500)
    expect((await policy(false, 'Special')).status).toBe(201)
    expect((await app.payload.count({ collection: 'booking-policies', where: { and: [{ tenant: { equals: studio.id } }, { isDefault: { equals: true } }] } })).totalDocs).toBe(1)
  })

  it('an illegal status edit over REST is 409 and changes nothing', async () => {
    const booking = await publicBooking(11, '10:00', '11:00')
    const response = await app.rest.patch(`/bookings/${booking.id}`, { status: 'completed' }, { token: staffToken })
    expect(response.status).toBe(409)
    expect((await app.payload.findByID({ collection: 'bookings', id: booking.id })).status).toBe('pending')
  })

  it('statuses change through the actions; a plain edit may only complete a confirmed booking', async () => {
    const booking = await publicBooking(11, '12:00', '13:00')
    for (const status of ['confirmed', 'cancelled', 'converted', 'awaiting_payment']) {
      const response = await app.rest.patch(`/bookings/${booking.id}`, { status }, { token: staffToken })
      expect(response.status, status).toBe(409)
      expect(await response.json()).toMatchObject({ code: 'status_by_action' })
    }
    const created = await app.rest.post(
      '/bookings',
      { customer: { email: 'direct@example.test', name: 'Direct' }, end: localSlot(studio, 11, '15:00'), room: room.id, start: localSlot(studio, 11, '14:00'), status: 'confirmed', tenant: studio.id },
      { token: staffToken },
    )
    expect(created.status).toBe(409)
    await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: staffToken })
    const completed = await app.rest.patch(`/bookings/${booking.id}`, { status: 'completed' }, { token: staffToken })
    expect(completed.status).toBe(200)
    expect((await app.payload.findByID({ collection: 'bookings', id: booking.id })).status).toBe('completed')
  })

  it('text PostgreSQL cannot store is a 400 over Payload REST too', async () => {
    const booking = await publicBooking(11, '18:00', '19:00')
    const response = await app.rest.patch(`/bookings/${booking.id}`, { notes: 'a\u0000b' }, { token: staffToken })
    expect(response.status).toBe(400)
    expect((await app.payload.findByID({ collection: 'bookings', id: booking.id })).notes).toBeFalsy()
  })

  it('a session made over REST cannot claim a booking to slip past its overlap check', async () => {
    const booking = await publicBooking(11, '16:00', '17:00')
    const response = await app.rest.post(
      '/sessions',
      { booking: booking.id, end: localSlot(studio, 11, '17:00'), room: room.id, start: localSlot(studio, 11, '16:00'), tenant: studio.id },
      { token: staffToken },
    )
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ code: 'slot_taken' })
  })

  it('keeps studios apart: another studio can neither read nor write these bookings, rooms or sessions', async () => {
    const booking = await publicBooking(12, '10:00', '11:00')
    const list = (await (await app.rest.get('/bookings?limit=100&depth=0', { token: rivalToken })).json()) as List<Booking>
    expect(list.docs.map((doc) => doc.id)).not.toContain(booking.id)
    expect((await app.rest.get(`/bookings/${booking.id}`, { token: rivalToken })).status).toBe(404)
    expect([403, 404]).toContain((await app.rest.patch(`/bookings/${booking.id}`, { notes: 'mine now' }, { token: rivalToken })).status)
    expect([403, 404]).toContain((await app.rest.patch(`/rooms/${room.id}`, { hourlyRate: 1 }, { token: rivalToken })).status)
    expect((await app.rest.get(`/rooms/${room.id}`, { token: rivalToken })).status).toBe(404)
    // Booking one's own tenant into the other's room is refused.
    const crossRoom = await app.rest.post(
      '/bookings',
      { customer: { email: 'r@example.test', name: 'R' }, end: localSlot(rival, 12, '11:00'), room: room.id, start: localSlot(rival, 12, '10:00'), tenant: rival.id },
      { token: rivalToken },
    )
    expect(crossRoom.status).toBe(400)
    const rivalList = (await (await app.rest.get('/sessions?limit=100', { token: rivalToken })).json()) as List<Session>
    expect(rivalList.docs).toHaveLength(0)
    expect((await app.payload.findByID({ collection: 'bookings', id: booking.id })).notes).toBeFalsy()
    expect((await app.payload.findByID({ collection: 'rooms', id: room.id })).hourlyRate).toBe(4000)
    expect(rivalRoom.id).not.toBe(room.id)
  })
})
