// A suspended studio: its members sign in, read and export, but every write to what belongs to it is a 403
// `tenant_suspended` (Payload's REST and custom endpoints alike); its public booking API is gone, while its
// customers keep their bookings; the same people's other studios carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant, User } from '../../payload-types'

import { refuseDeletesWhenSuspended } from '../../plugins/tenancy/hooks/refuseDeletesWhenSuspended'
import { refuseWritesWhenSuspended } from '../../plugins/tenancy/hooks/refuseWritesWhenSuspended'
import { book, createDefaultPolicy, createRoom, localSlot, publicGet, type CreatedBooking } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'
import { type SmtpTestServer, startSmtpServer } from '../helpers/smtpServer'

type Answer = { code?: string; docs?: unknown[]; errors?: { message: string }[] }

const SUSPENDED = { code: 'tenant_suspended', errors: [{ message: expect.stringMatching(/suspended/) }] }

describe('a suspended studio', () => {
  let app: TestApp
  let smtp: SmtpTestServer
  let studio: Tenant
  let other: Tenant
  let room: Room
  let otherRoom: Room
  let owner: User
  let ownerToken: string
  let staffMember: User
  let adminToken: string
  let kept: CreatedBooking
  let pending: Booking

  const json = async (response: Response) => ({ body: (await response.json()) as Answer, status: response.status })
  const asOwner = { token: '' }
  const bookAt = async (tenant: Tenant, forRoom: Room, daysAhead: number) =>
    book(app.rest, {
      customer: { email: `customer-${daysAhead}@example.test`, name: 'Customer' },
      end: localSlot(tenant, daysAhead, '11:00'),
      room: forRoom.id,
      start: localSlot(tenant, daysAhead, '10:00'),
      tenant: tenant.slug,
    })
  const roomName = async (id: number) => (await app.payload.findByID({ id, collection: 'rooms', depth: 0 })).name

  beforeAll(async () => {
    smtp = await startSmtpServer()
    app = await startTestApp({ ...smtp.env, ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    studio = await createTenant(app.payload, { name: 'Closed Studio' })
    other = await createTenant(app.payload, { name: 'Open Studio' })
    await createDefaultPolicy(app.payload, studio)
    await createDefaultPolicy(app.payload, other)
    room = await createRoom(app.payload, studio, { bufferMinutes: 0, name: 'Big Room' })
    otherRoom = await createRoom(app.payload, other, { bufferMinutes: 0 })
    owner = await createUser(app.payload, [
      { role: 'owner', tenant: studio },
      { role: 'owner', tenant: other },
    ])
    staffMember = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
    await createUser(app.payload, [], { email: 'operator@atelier.test', superAdmin: true })

    // Booked while the studio was open.
    const first = await bookAt(studio, room, 5)
    const second = await bookAt(studio, room, 6)
    expect([first.status, second.status]).toEqual([201, 201])
    kept = first.body
    pending = (await app.payload.find({ collection: 'bookings', where: { ref: { equals: second.body.ref } } })).docs[0]!

    await app.payload.update({ id: studio.id, collection: 'tenants', data: { status: 'suspended' } })
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    asOwner.token = ownerToken
    adminToken = await app.rest.login('operator@atelier.test', PASSWORD)
  })
  afterAll(async () => {
    await app.close()
    await smtp.close()
  })

  it('is guarded in every collection that belongs to a tenant, whichever plugin adds it, except those exempt', () => {
    const belongs = app.payload.config.collections.filter(
      (collection) =>
        collection.slug === 'tenants' ||
        collection.fields.some((field) => 'name' in field && field.name === 'tenant' && field.type === 'relationship' && field.relationTo === 'tenants'),
    )
    expect(belongs.map(({ slug }) => slug)).toEqual(expect.arrayContaining(['tenants', 'rooms', 'bookings', 'payments', 'media', 'roles', 'role-assignments', 'audit-logs']))
    for (const collection of belongs) {
      const guarded = !collection.custom?.writableWhenSuspended
      expect([collection.slug, Boolean(collection.hooks.beforeChange?.includes(refuseWritesWhenSuspended))]).toEqual([collection.slug, guarded])
      expect([collection.slug, Boolean(collection.hooks.beforeDelete?.includes(refuseDeletesWhenSuspended))]).toEqual([collection.slug, guarded])
    }
    expect(app.payload.config.collections.find(({ slug }) => slug === 'audit-logs')?.custom?.writableWhenSuspended).toBe(true)
  })

  describe('its members', () => {
    it('sign in and read everything: the studio, its rooms and its bookings', async () => {
      expect(await app.rest.login(staffMember.email, PASSWORD)).toBeTruthy()
      expect((await app.rest.get(`/tenants/${studio.id}`, asOwner)).status).toBe(200)
      const rooms = await json(await app.rest.get('/rooms', { ...asOwner, query: { where: { tenant: { equals: studio.id } } } }))
      expect(rooms.status).toBe(200)
      expect(rooms.body.docs).toHaveLength(1)
      const bookings = await json(await app.rest.get('/bookings', { ...asOwner, query: { where: { tenant: { equals: studio.id } } } }))
      expect(bookings.status).toBe(200)
      expect(bookings.body.docs).toHaveLength(2)
    })

    it('export the audit log', async () => {
      const response = await app.rest.get('/audit-logs/export', asOwner)
      expect(response.status).toBe(200)
      expect((await response.text()).split('\n')[0]).toContain('action')
    })

    it('cannot create, update or delete a room over REST: 403 tenant_suspended', async () => {
      const fields = { capacity: 2, hourlyRate: 1000, maxMinutes: 120, minMinutes: 60, name: 'New Room', slug: 'new-room' }
      const created = await json(await app.rest.post('/rooms', { ...fields, tenant: studio.id }, asOwner))
      expect(created).toEqual({ body: SUSPENDED, status: 403 })
      // The tenant the cookie gives counts as much as the one the body names.
      const byCookie = await json(await app.rest.post('/rooms', fields, { ...asOwner, headers: { Cookie: `payload-tenant=${studio.id}` } }))
      expect(byCookie).toEqual({ body: SUSPENDED, status: 403 })

      expect(await json(await app.rest.patch(`/rooms/${room.id}`, { name: 'Renamed' }, asOwner))).toEqual({ body: SUSPENDED, status: 403 })
      expect(await json(await app.rest.delete(`/rooms/${room.id}`, asOwner))).toEqual({ body: SUSPENDED, status: 403 })

      // Bulk edits are refused document by document (Payload answers them 400 with one error per document).
      const bulk = await json(await app.rest.patch('/rooms', { name: 'Renamed' }, { ...asOwner, query: { where: { tenant: { equals: studio.id } } } }))
      expect(bulk.status).toBe(400)
      expect(bulk.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/suspended/) })])

      expect(await roomName(room.id)).toBe('Big Room')
      expect((await app.payload.count({ collection: 'rooms', where: { tenant: { equals: studio.id } } })).totalDocs).toBe(1)
    })

    it('cannot change the studio itself, nor its roles', async () => {
      expect(await json(await app.rest.patch(`/tenants/${studio.id}`, { name: 'Reopened' }, asOwner))).toEqual({ body: SUSPENDED, status: 403 })
      const role = await json(await app.rest.post('/roles', { name: 'Helper', permissions: [], slug: 'helper', tenant: studio.id }, asOwner))
      expect(role).toEqual({ body: SUSPENDED, status: 403 })
      expect((await app.payload.findByID({ id: studio.id, collection: 'tenants' })).name).toBe('Closed Studio')
    })

    it('cannot write through custom endpoints: confirming a booking, adding a member', async () => {
      expect(await json(await app.rest.post(`/bookings/${pending.id}/confirm`, undefined, asOwner))).toEqual({ body: SUSPENDED, status: 403 })
      expect((await app.payload.findByID({ id: pending.id, collection: 'bookings' })).status).toBe('pending')

      const member = await json(await app.rest.post(`/tenants/${studio.id}/members`, { email: 'new-hire@example.test', role: 'staff' }, asOwner))
      expect(member).toEqual({ body: SUSPENDED, status: 403 })
      expect((await app.payload.count({ collection: 'users', where: { email: { equals: 'new-hire@example.test' } } })).totalDocs).toBe(0)
    })

    it('still edit their own account (name, password)', async () => {
      const token = await app.rest.login(staffMember.email, PASSWORD)
      const renamed = await app.rest.patch(`/users/${staffMember.id}`, { name: 'Renamed Me', password: 'another-horse-battery' }, { token })
      expect(renamed.status).toBe(200)
      expect(await app.rest.login(staffMember.email, 'another-horse-battery')).toBeTruthy()
    })

    it('keep working in their other studio', async () => {
      const created = await app.rest.post('/rooms', { capacity: 2, hourlyRate: 1000, maxMinutes: 120, minMinutes: 60, name: 'Side Room', slug: 'side-room', tenant: other.id }, asOwner)
      expect(created.status).toBe(201)
      const { doc } = (await created.json()) as { doc: Room }
      expect((await app.rest.patch(`/rooms/${doc.id}`, { name: 'Side Room 2' }, asOwner)).status).toBe(200)
      expect((await app.rest.delete(`/rooms/${doc.id}`, asOwner)).status).toBe(200)
      expect((await app.rest.patch(`/tenants/${other.id}`, { name: 'Open Studio 2' }, asOwner)).status).toBe(200)

      const booked = await bookAt(other, otherRoom, 7)
      expect(booked.status).toBe(201)
      const [booking] = (await app.payload.find({ collection: 'bookings', where: { ref: { equals: booked.body.ref } } })).docs
      expect((await app.rest.post(`/bookings/${booking!.id}/confirm`, undefined, asOwner)).status).toBe(200)
      expect((await app.rest.post(`/tenants/${other.id}/members`, { email: 'side-hire@example.test', role: 'staff' }, asOwner)).status).toBe(201)
    })
  })

  it('platform operators may still write there', async () => {
    expect((await app.rest.patch(`/rooms/${room.id}`, { name: 'Big Room' }, { token: adminToken })).status).toBe(200)
  })

  describe('its public booking API', () => {
    it('lists no rooms, offers no slots and takes no booking: 404', async () => {
      expect((await publicGet(app.rest, `/public/tenants/${studio.slug}/rooms`)).status).toBe(404)
      const day = localSlot(studio, 8, '00:00').slice(0, 10)
      expect((await publicGet(app.rest, `/public/rooms/${room.id}/availability?from=${day}&to=${day}&duration=60`)).status).toBe(404)
      expect((await bookAt(studio, room, 8)).status).toBe(404)
    })

    it('still lets a customer read and cancel their booking', async () => {
      const headers = { 'X-Booking-Token': kept.accessToken }
      const read = await publicGet(app.rest, `/public/booking/${kept.ref}`, headers)
      expect(read.status).toBe(200)
      expect(((await read.json()) as { cancellation: string }).cancellation).toBe('allowed')
      const cancelled = await app.rest.post(`/public/booking/${kept.ref}/cancel`, undefined, { headers: { ...headers, 'X-Forwarded-For': '172.31.0.9' } })
      expect(cancelled.status).toBe(200)
      expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled')
    })
  })
})
