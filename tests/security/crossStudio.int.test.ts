// Attacks by a member of two studios (owner of A, artist in B), and by admins on people who hold more
// than they do, over REST. Each one worked before the security hardening.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role, Room, Tenant, User } from '../../payload-types'

import { createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

describe('a member of two studios', () => {
  let app: TestApp
  let studioA: Tenant
  let studioB: Tenant
  let attacker: User
  let ownerB: User
  let token: string
  let roomA: Room
  let roomB: Room

  const inB = { Cookie: '' }
  const membershipRole = async (user: User, tenant: Tenant) => {
    const stored = await app.payload.findByID({ id: user.id, collection: 'users', depth: 0 })
    return stored.tenants?.find((membership) => membership.tenant === tenant.id)?.role
  }
  const countIn = async (collection: 'artists' | 'booking-policies' | 'bookings' | 'rooms' | 'sessions', tenant: Tenant) =>
    (await app.payload.count({ collection, where: { tenant: { equals: tenant.id } } })).totalDocs

  beforeAll(async () => {
    app = await startTestApp()
    studioA = await createTenant(app.payload, { name: 'Studio A' })
    studioB = await createTenant(app.payload, { name: 'Studio B' })
    attacker = await createUser(app.payload, [
      { role: 'owner', tenant: studioA },
      { role: 'artist', tenant: studioB },
    ])
    ownerB = await createUser(app.payload, [{ role: 'owner', tenant: studioB }])
    token = await app.rest.login(attacker.email, PASSWORD)
    roomA = await createRoom(app.payload, studioA)
    roomB = await createRoom(app.payload, studioB)
    inB.Cookie = `payload-tenant=${studioB.id}`
  })
  afterAll(() => app.close())

  describe('a custom role cannot stand in for a system role (item 1)', () => {
    it('refuses a tenant role with a system role’s slug, and the membership in B stays an artist’s', async () => {
      const response = await app.rest.post(
        '/roles',
        { createdAt: '2001-01-01T00:00:00.000Z', name: 'Artist', permissions: [{ actions: ['*'], resource: '*' }], slug: 'artist', tenant: studioA.id },
        { token },
      )
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toMatch(/system role/)

      const promote = await app.rest.post(`/tenants/${studioB.id}/members`, { email: attacker.email, role: 'owner' }, { token })
      expect([403, 404]).toContain(promote.status)
      expect(await membershipRole(attacker, studioB)).toBe('artist')
      expect((await app.rest.post('/rooms', { ...roomFields(), tenant: studioB.id }, { token })).status).toBe(403)
    })

    it('a role seeded with a system slug in A (old data) still grants nothing in B', async () => {
      // A row that predates the rule: created under another slug, renamed in SQL behind the validators.
      const legacy = await app.payload.create({
        collection: 'roles',
        data: { name: 'Legacy artist', permissions: [{ actions: ['*'], resource: '*' }], slug: 'legacy-artist', tenant: studioA.id },
      })
      await app.payload.db.drizzle.execute(sql`update roles set slug = 'artist', created_at = '2001-01-01' where id = ${legacy.id}`)
      const explained = await app.rest.get(`/users/${attacker.id}/effective-permissions?tenant=${studioB.id}&resource=users&action=update`, { token })
      expect(explained.status).toBe(200)
      const body = (await explained.json()) as { question: { allowed: boolean } }
      expect(body.question.allowed).toBe(false)
      const promote = await app.rest.post(`/tenants/${studioB.id}/members`, { email: attacker.email, role: 'owner' }, { token })
      expect([403, 404]).toContain(promote.status)
      expect(await membershipRole(attacker, studioB)).toBe('artist')
    })

    it('ignores a client’s createdAt and updatedAt', async () => {
      const response = await app.rest.post(
        '/roles',
        { createdAt: '2001-01-01T00:00:00.000Z', name: 'Helper', slug: 'helper', tenant: studioA.id, updatedAt: '2001-01-01T00:00:00.000Z' },
        { token },
      )
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: Role }
      expect(Date.now() - Date.parse(doc.createdAt)).toBeLessThan(60_000)
      const patched = await app.rest.patch(`/rooms/${roomA.id}`, { createdAt: '2001-01-01T00:00:00.000Z', name: 'Renamed' }, { token })
      expect(patched.status).toBe(200)
      const stored = await app.payload.findByID({ id: roomA.id, collection: 'rooms' })
      expect(stored.name).toBe('Renamed')
      expect(stored.createdAt).toBe(roomA.createdAt)
    })

    it('cannot move a role into B, by id or by a bulk update', async () => {
      const created = await app.rest.post('/roles', { name: 'Empty', slug: 'empty', tenant: studioA.id }, { token })
      const { doc: role } = (await created.json()) as { doc: Role }
      await app.rest.patch(`/roles/${role.id}`, { tenant: studioB.id }, { token })
      await app.rest.patch('/roles', { tenant: studioB.id }, { query: { where: { id: { equals: role.id } } }, token })
      await app.rest.patch('/roles', { tenant: null }, { query: { where: { id: { equals: role.id } } }, token })
      const stored = await app.payload.findByID({ id: role.id, collection: 'roles', depth: 0 })
      expect(stored.tenant).toBe(studioA.id)
    })
  })

  describe('the permission is checked in the tenant a document finally gets (item 3)', () => {
    it('cannot create a room, policy or artist in B through the tenant cookie', async () => {
      const attempts = [
        ['rooms', roomFields()],
        ['booking-policies', { holdMinutes: 30, name: 'Sneaky' }],
        ['artists', { name: 'Sneaky', email: 'sneaky@example.com' }],
      ] as const
      for (const [collection, body] of attempts) {
        const before = await countIn(collection, studioB)
        const response = await app.rest.post(`/${collection}`, body, { headers: inB, token })
        expect(response.status, collection).toBeGreaterThanOrEqual(400)
        expect(response.status, collection).toBeLessThan(500)
        expect(await countIn(collection, studioB), collection).toBe(before)
      }
    })

    it('cannot book or schedule B’s room, whose studio the hooks fill in', async () => {
      const span = { end: localSlot(studioB, 10, '12:00'), start: localSlot(studioB, 10, '10:00') }
      const bookings = await countIn('bookings', studioB)
      const booking = await app.rest.post('/bookings', { ...span, customer: { name: 'X', email: 'x@example.com' }, room: roomB.id }, { token })
      expect(booking.status).toBeGreaterThanOrEqual(400)
      expect(booking.status).toBeLessThan(500)
      expect(await countIn('bookings', studioB)).toBe(bookings)

      const sessions = await countIn('sessions', studioB)
      const session = await app.rest.post('/sessions', { ...span, room: roomB.id }, { token })
      expect(session.status).toBeGreaterThanOrEqual(400)
      expect(session.status).toBeLessThan(500)
      expect(await countIn('sessions', studioB)).toBe(sessions)
    })

    it('cannot move a document from A to B, nor empty its tenant, by id or in bulk', async () => {
      const byId = await app.rest.patch(`/rooms/${roomA.id}`, { tenant: studioB.id }, { token })
      expect([400, 403]).toContain(byId.status)
      await app.rest.patch('/rooms', { tenant: studioB.id }, { query: { where: { id: { equals: roomA.id } } }, token })
      const nulled = await app.rest.patch(`/rooms/${roomA.id}`, { tenant: null }, { token })
      expect(nulled.status).toBeGreaterThanOrEqual(400)
      expect(nulled.status).toBeLessThan(500)
      await app.rest.patch('/rooms', { tenant: null }, { query: { where: { id: { equals: roomA.id } } }, token })
      const stored = await app.payload.findByID({ id: roomA.id, collection: 'rooms', depth: 0 })
      expect(stored.tenant).toBe(studioA.id)
    })

    it('still creates in A with the cookie of A, and without', async () => {
      const withCookie = await app.rest.post('/rooms', roomFields(), { headers: { Cookie: `payload-tenant=${studioA.id}` }, token })
      expect(withCookie.status).toBe(201)
      const named = await app.rest.post('/rooms', { ...roomFields(), tenant: studioA.id }, { token })
      expect(named.status).toBe(201)
    })
  })

  describe('unlocking an account (item 7)', () => {
    const lockOut = (email: string) =>
      app.payload.db.updateOne({ collection: 'users', data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 5 }, where: { email: { equals: email } } })
    const lockUntil = async (user: User) => (await app.payload.findByID({ id: user.id, collection: 'users', showHiddenFields: true })).lockUntil

    it('a co-member without users:unlock cannot undo a lockout', async () => {
      const adminB = await createUser(app.payload, [{ role: 'admin', tenant: studioB }])
      const adminToken = await app.rest.login(adminB.email, PASSWORD)
      await lockOut(ownerB.email)
      const response = await app.rest.post('/users/unlock', { email: ownerB.email }, { token: adminToken })
      expect(response.status).toBe(403)
      expect(await lockUntil(ownerB)).toBeTruthy()
    })

    it('an owner of one shared studio cannot unlock someone who also belongs to another', async () => {
      await lockOut(ownerB.email)
      // ownerB joins A too: the attacker owns A, but not B.
      await app.payload.update({ id: ownerB.id, collection: 'users', data: { tenants: [{ role: 'owner', tenant: studioB.id }, { role: 'staff', tenant: studioA.id }] } })
      const response = await app.rest.post('/users/unlock', { email: ownerB.email }, { token })
      expect(response.status).toBe(403)
      expect(await lockUntil(ownerB)).toBeTruthy()
    })

    it('the owner of the account’s only studio can', async () => {
      const staffA = await createUser(app.payload, [{ role: 'staff', tenant: studioA }])
      await lockOut(staffA.email)
      const response = await app.rest.post('/users/unlock', { email: staffA.email }, { token })
      expect(response.status).toBe(200)
      expect(await lockUntil(staffA)).toBeFalsy()
    })
  })

  describe('account takeover through role assignments (item 4)', () => {
    let studio: Tenant
    let admin: User
    let promoted: User
    let plainStaff: User
    let adminToken: string

    beforeAll(async () => {
      studio = await createTenant(app.payload)
      admin = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
      promoted = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
      plainStaff = await createUser(app.payload, [{ role: 'staff', tenant: studio }])
      const { docs } = await app.payload.find({ collection: 'roles', where: { and: [{ slug: { equals: 'owner' } }, { tenant: { exists: false } }] } })
      await app.payload.create({ collection: 'role-assignments', data: { role: docs[0]!.id, tenant: studio.id, user: promoted.id } })
      adminToken = await app.rest.login(admin.email, PASSWORD)
    })
    it('an admin cannot set the password or email of a staff member assigned the owner role', async () => {
      const password = await app.rest.patch(`/users/${promoted.id}`, { password: 'taken-over-password' }, { token: adminToken })
      expect(password.status).toBe(403)
      const email = await app.rest.patch(`/users/${promoted.id}`, { email: 'attacker@example.com' }, { token: adminToken })
      expect(email.status).toBe(403)
      await expect(app.rest.login(promoted.email, 'taken-over-password')).rejects.toThrow()
      expect(await app.rest.login(promoted.email, PASSWORD)).toBeTruthy()
    })

    it('an admin still edits a staff member who holds no more than they do', async () => {
      const response = await app.rest.patch(`/users/${plainStaff.id}`, { name: 'Renamed' }, { token: adminToken })
      expect(response.status).toBe(200)
    })
  })
})

let roomCounter = 0
function roomFields() {
  roomCounter += 1
  return { hourlyRate: 1000, name: `Sneaky ${roomCounter}`, slug: `sneaky-${roomCounter}-${Date.now().toString(36)}` }
}
