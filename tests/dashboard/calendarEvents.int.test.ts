// GET /api/calendar/events: one studio's visible range by room, what the caller may do from it, and a staff
// booking made over a selected range, refused by the exclusion constraint when it overlaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { statusChange } from '../../plugins/booking'
import { createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Answer = {
  bookings: { customer: null | string; end: string; id: number; ref: string; room: number; start: string; status: string }[]
  can: { cancel: boolean; confirm: boolean; create: boolean }
  code?: string
  errors?: { message: string; path?: string }[]
  rooms: { id: number; name: string; openingHours: unknown[] }[]
  sessions: { id: number; room: number; start: string }[]
  tenant: { id: number; timezone: string }
}

describe('calendar: the range endpoint', () => {
  let app: TestApp
  let tenant: Tenant
  let other: Tenant
  let room: Room
  let secondRoom: Room
  let ownerToken: string
  let editorToken: string
  let twoStudiosToken: string

  const events = async (query: Record<string, string>, token?: string) => {
    const response = await app.rest.get(`/calendar/events?${new URLSearchParams(query)}`, token ? { token } : {})
    return { body: (await response.json()) as Answer, status: response.status }
  }
  const week = (daysAhead = 0) => ({ from: localSlot(tenant, daysAhead, '00:00'), to: localSlot(tenant, daysAhead + 7, '00:00') })
  const bookingAt = (target: Room, day: number, from: string, to: string, name = 'Mme Durand') =>
    app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'durand@example.com', name }, end: localSlot(tenant, day, to), room: target.id, start: localSlot(tenant, day, from), status: 'pending', tenant: tenant.id },
    })

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload, { timezone: 'America/New_York' })
    other = await createTenant(app.payload)
    await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'A room' })
    secondRoom = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'B room' })
    await createRoom(app.payload, tenant, { active: false, name: 'C closed' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    const editor = await createUser(app.payload, [{ role: 'editor', tenant }])
    const twoStudios = await createUser(app.payload, [
      { role: 'owner', tenant: other },
      { role: 'editor', tenant },
    ])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    editorToken = await app.rest.login(editor.email, PASSWORD)
    twoStudiosToken = await app.rest.login(twoStudios.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('answers the rooms, the bookings and sessions overlapping the range, and what the owner may do', async () => {
    const inside = await bookingAt(room, 2, '10:00', '11:00')
    const edge = await bookingAt(secondRoom, 7, '09:00', '10:00') // starts when the range ends: outside
    const cancelled = await bookingAt(room, 3, '10:00', '11:00')
    await app.payload.update({ id: cancelled.id, collection: 'bookings', context: statusChange('cancelled'), data: { status: 'cancelled' } })
    const session = await app.payload.create({
      collection: 'sessions',
      data: { end: localSlot(tenant, 4, '16:00'), room: secondRoom.id, start: localSlot(tenant, 4, '14:00'), status: 'scheduled', tenant: tenant.id },
    })
    const { body, status } = await events({ ...week(), tenant: String(tenant.id) }, ownerToken)
    expect(status).toBe(200)
    expect(body.tenant).toMatchObject({ id: tenant.id, timezone: 'America/New_York' })
    expect(body.rooms.map((entry) => entry.name)).toEqual(['A room', 'B room'])
    const ids = body.bookings.map((booking) => booking.id)
    expect(ids).toContain(inside.id)
    expect(ids).not.toContain(edge.id)
    expect(ids).not.toContain(cancelled.id)
    const shown = body.bookings.find((booking) => booking.id === inside.id)!
    expect(shown).toMatchObject({ customer: 'Mme Durand', ref: inside.ref, room: room.id, status: 'pending' })
    expect(new Date(shown.start).getTime()).toBe(new Date(inside.start).getTime())
    expect(body.sessions.map((entry) => entry.id)).toEqual([session.id])
    expect(body.can).toEqual({ cancel: true, confirm: true, create: true })
  })

  it('refuses a caller without bookings:read there (403), another studio (404), and anonymous callers (401)', async () => {
    expect((await events({ ...week(), tenant: String(tenant.id) }, editorToken)).status).toBe(403)
    expect((await events({ ...week(), tenant: String(tenant.id) }, twoStudiosToken)).status).toBe(403)
    const otherOwner = await createUser(app.payload, [{ role: 'owner', tenant: other }])
    expect((await events({ ...week(), tenant: String(tenant.id) }, await app.rest.login(otherOwner.email, PASSWORD))).status).toBe(404)
    expect((await events({ ...week(), tenant: String(tenant.id) })).status).toBe(401)
  })

  it.each([
    ['a missing range', {}],
    ['a range over 42 days', { from: '2027-01-01T00:00:00Z', to: '2027-03-01T00:00:00Z' }],
    ['an end before the start', { from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' }],
    ['a date that is not one', { from: 'soon', to: '2027-01-01T00:00:00Z' }],
    ['an unknown parameter', { from: '2027-01-01T00:00:00Z', room: '1', to: '2027-01-02T00:00:00Z' }],
  ])('answers 400 for %s', async (_case, query) => {
    const { body, status } = await events({ ...query, tenant: String(tenant.id) }, ownerToken)
    expect(status).toBe(400)
    expect(body.errors?.length).toBeGreaterThan(0)
  })

  it('makes a staff booking over a free range, and a 409 slot_taken over a taken one', async () => {
    const span = { end: localSlot(tenant, 5, '13:00'), room: room.id, start: localSlot(tenant, 5, '12:00'), tenant: tenant.id }
    const made = await app.rest.post('/bookings', { ...span, customer: { email: 'walk-in@example.com', name: 'Walk-in' } }, { token: ownerToken })
    expect(made.status).toBe(201)
    const again = await app.rest.post('/bookings', { ...span, customer: { email: 'other@example.com', name: 'Other' } }, { token: ownerToken })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { code?: string }).code).toBe('slot_taken')
  })
})
