// Who may hold which calendar feed: bookings:read in the studio to create one; a person sees and manages only
// their own (super admins every one, without rotating another's); the owner's permissions as they stand at
// each fetch; customer names only with calendar-feeds:customers; bad input answered 4xx.
import ical, { type VEvent } from 'node-ical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant, User } from '../../payload-types'

import { anotherAddress, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Issued = { code?: string; errors?: { message: string; path?: string }[]; feed: { id: number }; token: string }

describe('calendar feeds: permissions', () => {
  let app: TestApp
  let tenant: Tenant
  let other: Tenant
  let room: Room
  let otherRoom: Room
  let staff: User
  const tokens: Record<'deskClerk' | 'owner' | 'staff' | 'superAdmin' | 'twoStudios', string> = { deskClerk: '', owner: '', staff: '', superAdmin: '', twoStudios: '' }

  const create = async (body: unknown, token?: string) => {
    const response = await app.rest.post('/calendar/feeds', body, token ? { token } : {})
    return { body: (await response.json()) as Issued, status: response.status }
  }
  const fetchStatus = async (token: string) => (await app.rest.get(`/calendar/feeds/${token}.ics`, { headers: { 'X-Forwarded-For': anotherAddress() } })).status
  const summaries = async (token: string) => {
    const response = await app.rest.get(`/calendar/feeds/${token}.ics`, { headers: { 'X-Forwarded-For': anotherAddress() } })
    expect(response.status).toBe(200)
    return Object.values(ical.sync.parseICS(await response.text()))
      .filter((entry): entry is VEvent => entry?.type === 'VEVENT')
      .map((event) => String(event.summary))
  }
  const setMemberships = (user: User, memberships: { role: 'editor' | 'owner' | 'staff'; tenant: Tenant }[]) =>
    app.payload.update({ id: user.id, collection: 'users', data: { tenants: memberships.map((row) => ({ role: row.role, tenant: row.tenant.id })) } })

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload)
    other = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'Salle' })
    otherRoom = await createRoom(app.payload, other, { leadTimeMinutes: 0 })
    await app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'leroy@example.com', name: 'Mme Leroy' }, end: localSlot(tenant, 2, '11:00'), room: room.id, start: localSlot(tenant, 2, '10:00'), status: 'pending', tenant: tenant.id },
    })
    staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    const twoStudios = await createUser(app.payload, [
      { role: 'staff', tenant: other },
      { role: 'editor', tenant },
    ])
    // A studio role that reads bookings and nothing more: its feeds name no customers.
    const desk = await app.payload.create({ collection: 'roles', data: { name: 'Desk', permissions: [{ actions: ['read'], resource: 'bookings' }], slug: 'desk', tenant: tenant.id } })
    const deskClerk = await createUser(app.payload, [{ role: 'artist', tenant }])
    await app.payload.create({ collection: 'role-assignments', data: { role: desk.id, tenant: tenant.id, user: deskClerk.id } })
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    for (const [key, user] of Object.entries({ deskClerk, owner, staff, superAdmin, twoStudios })) tokens[key as keyof typeof tokens] = await app.rest.login(user.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('needs bookings:read in the studio named: 403 there, 404 for a studio one is not in, 401 signed out', async () => {
    expect((await create({ name: 'Mine', tenant: tenant.id }, tokens.twoStudios)).status).toBe(403)
    expect((await create({ name: 'Mine', tenant: other.id }, tokens.twoStudios)).status).toBe(201)
    expect((await create({ name: 'Theirs', tenant: other.id }, tokens.owner)).status).toBe(404)
    expect((await create({ name: 'Anyone', tenant: tenant.id })).status).toBe(401)
  })

  it("shows people their own feeds only, never the token's hash; super admins see all but rotate only their own", async () => {
    const { body: staffFeed } = await create({ name: 'Staff phone', tenant: tenant.id }, tokens.staff)
    const own = await app.rest.get(`/calendar-feeds/${staffFeed.feed.id}`, { token: tokens.staff })
    expect(own.status).toBe(200)
    const ownDoc = (await own.json()) as Record<string, unknown>
    expect(ownDoc).not.toHaveProperty('tokenHash')
    expect(JSON.stringify(ownDoc)).not.toContain(staffFeed.token)
    for (const who of ['twoStudios', 'owner'] as const) {
      expect((await app.rest.get(`/calendar-feeds/${staffFeed.feed.id}`, { token: tokens[who] })).status, who).toBe(404)
      const listed = (await (await app.rest.get('/calendar-feeds', { token: tokens[who] })).json()) as { docs: { id: number }[] }
      expect(listed.docs.map((doc) => doc.id), who).not.toContain(staffFeed.feed.id)
      for (const action of ['rotate', 'revoke']) {
        expect((await app.rest.post(`/calendar/feeds/${staffFeed.feed.id}/${action}`, undefined, { token: tokens[who] })).status, `${who} ${action}`).toBe(404)
      }
      await app.rest.delete(`/calendar-feeds/${staffFeed.feed.id}`, { token: tokens[who] })
    }
    expect(await fetchStatus(staffFeed.token)).toBe(200)

    expect((await app.rest.get(`/calendar-feeds/${staffFeed.feed.id}`, { token: tokens.superAdmin })).status).toBe(200)
    expect((await app.rest.post(`/calendar/feeds/${staffFeed.feed.id}/rotate`, undefined, { token: tokens.superAdmin })).status).toBe(403)
    expect((await app.rest.post(`/calendar/feeds/${staffFeed.feed.id}/revoke`, undefined, { token: tokens.superAdmin })).status).toBe(200)
    expect(await fetchStatus(staffFeed.token)).toBe(404)
  })

  it('refuses REST writes (the token must come from the endpoints), and lets the owner delete a feed', async () => {
    expect((await app.rest.post('/calendar-feeds', { name: 'Direct', tenant: tenant.id, tokenHash: 'f'.repeat(64) }, { token: tokens.owner })).status).toBe(403)
    const { body } = await create({ name: 'To delete', tenant: tenant.id }, tokens.staff)
    expect((await app.rest.patch(`/calendar-feeds/${body.feed.id}`, { name: 'Renamed' }, { token: tokens.staff })).status).toBe(403)
    expect((await app.rest.delete(`/calendar-feeds/${body.feed.id}`, { token: tokens.staff })).status).toBe(200)
    expect(await fetchStatus(body.token)).toBe(404)
  })

  it('names customers only with calendar-feeds:customers (staff hold it, a bookings-only role does not)', async () => {
    const { body: staffFeed } = await create({ name: 'Staff', tenant: tenant.id }, tokens.staff)
    const { body: deskFeed } = await create({ name: 'Desk', tenant: tenant.id }, tokens.deskClerk)
    expect((await summaries(staffFeed.token)).some((summary) => summary.endsWith('· Mme Leroy'))).toBe(true)
    const desk = await summaries(deskFeed.token)
    expect(desk.length).toBeGreaterThan(0)
    expect(desk.some((summary) => summary.includes('Leroy'))).toBe(false)
  })

  it("follows the owner's permissions at each fetch: 404 without bookings:read or the membership", async () => {
    const person = await createUser(app.payload, [{ role: 'staff', tenant }])
    const { body } = await create({ name: 'Mine', tenant: tenant.id }, await app.rest.login(person.email, PASSWORD))
    expect(await fetchStatus(body.token)).toBe(200)
    await setMemberships(person, [{ role: 'editor', tenant }])
    expect(await fetchStatus(body.token)).toBe(404)
    await setMemberships(person, [{ role: 'staff', tenant }])
    expect(await fetchStatus(body.token)).toBe(200)
    await setMemberships(person, [{ role: 'staff', tenant: other }])
    expect(await fetchStatus(body.token)).toBe(404)
  })

  it('goes with its room when the room is deleted, rather than widening to the studio', async () => {
    const spare = await createRoom(app.payload, tenant, { name: 'Spare' })
    const { body } = await create({ name: 'Spare room', room: spare.id, tenant: tenant.id }, tokens.staff)
    expect(await fetchStatus(body.token)).toBe(200)
    await app.payload.delete({ id: spare.id, collection: 'rooms' })
    expect(await fetchStatus(body.token)).toBe(404)
  })

  it('caps live feeds per person (409 too_many_feeds)', async () => {
    const person = await createUser(app.payload, [{ role: 'staff', tenant }])
    const token = await app.rest.login(person.email, PASSWORD)
    for (let index = 0; index < 20; index++) expect((await create({ name: `Feed ${index}`, tenant: tenant.id }, token)).status).toBe(201)
    const refused = await create({ name: 'One more', tenant: tenant.id }, token)
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('too_many_feeds')
  })

  it.each([
    ['an empty body', {}, 'name'],
    ['an unknown field', { name: 'x', tenant: 1, user: 1 }, 'user'],
    ['an empty name', { name: '  ', tenant: 1 }, 'name'],
    ['a name over 120 characters', { name: 'x'.repeat(121), tenant: 1 }, 'name'],
    ['a tenant that is no id', { name: 'x', tenant: 'studio' }, 'tenant'],
  ])('answers 400 for %s', async (_case, body, path) => {
    const { body: answer, status } = await create(body, tokens.staff)
    expect(status).toBe(400)
    expect(answer.errors?.map((error) => error.path)).toContain(path)
  })

  it("answers 400 for another studio's room or no room, and for a body that is not JSON; 400/404 for bad feed ids", async () => {
    for (const roomId of [otherRoom.id, 2 ** 31 - 1]) {
      const { body, status } = await create({ name: 'x', room: roomId, tenant: tenant.id }, tokens.staff)
      expect(status).toBe(400)
      expect(body.errors?.[0]).toMatchObject({ message: 'No such room in this studio.', path: 'room' })
    }
    expect((await create('{"name":', tokens.staff)).status).toBe(400)
    expect((await app.rest.post('/calendar/feeds/abc/rotate', undefined, { token: tokens.staff })).status).toBe(400)
    expect((await app.rest.post('/calendar/feeds/2147483647/revoke', undefined, { token: tokens.staff })).status).toBe(404)
  })
})
