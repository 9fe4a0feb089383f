// Calendar feeds as a calendar app sees them: created once with its token, fetched without a login, parsed
// with node-ical; times equal the bookings' instants across both Europe/Paris DST changes; a room's feed;
// ETag and 304; rotation and revocation; the per-IP limit.
import ical, { type VEvent } from 'node-ical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'

import { statusChange } from '../../plugins/booking'
import { anotherAddress, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Issued = { errors?: unknown[]; feed: { id: number; room: null | number }; token: string; url: string; webcalUrl: string }

const DAY = 86_400_000
/** The last Sunday of `month` (1-12) in `year`, as YYYY-MM-DD: when Europe/Paris changes its clocks. */
const lastSunday = (year: number, month: number) => {
  const date = new Date(Date.UTC(year, month, 0))
  date.setUTCDate(date.getUTCDate() - date.getUTCDay())
  return date.toISOString().slice(0, 10)
}
/** The next such change at least two days ahead: always inside the feed's year. */
const nextChange = (month: 3 | 10) => {
  const year = new Date().getUTCFullYear()
  return [year, year + 1].map((candidate) => lastSunday(candidate, month)).find((date) => Date.parse(date) > Date.now() + 2 * DAY)!
}

describe('calendar feeds: the .ics a phone subscribes to', () => {
  let app: TestApp
  let tenant: Tenant
  let room: Room
  let otherRoom: Room
  let staffToken: string

  const booking = (target: Room, start: string, end: string, name = 'Mme Durand') =>
    app.payload.create({ collection: 'bookings', data: { customer: { email: 'durand@example.com', name }, end, room: target.id, start, status: 'pending', tenant: tenant.id } })
  const createFeed = async (body: Record<string, unknown>, token = staffToken) => {
    const response = await app.rest.post('/calendar/feeds', body, { token })
    return { body: (await response.json()) as Issued, status: response.status }
  }
  const fetchFeed = (token: string, headers: Record<string, string> = {}) =>
    app.rest.get(`/calendar/feeds/${token}.ics`, { headers: { 'X-Forwarded-For': anotherAddress(), ...headers } })
  const eventsOf = async (token: string) => {
    const response = await fetchFeed(token)
    expect(response.status).toBe(200)
    const text = await response.text()
    const events = Object.values(ical.sync.parseICS(text)).filter((entry): entry is VEvent => entry?.type === 'VEVENT')
    return { events, text }
  }
  const uidOf = (doc: Booking) => `booking-${doc.id}@localhost`

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload, { name: 'Atelier Paris', timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'Grande salle' })
    otherRoom = await createRoom(app.payload, tenant, { leadTimeMinutes: 0, name: 'Cabine' })
    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    staffToken = await app.rest.login(staff.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('serves the studio as iCalendar: UTC instants, the studio zone, refs, rooms and customers, DST included', async () => {
    const spring = nextChange(3)
    const autumn = nextChange(10)
    // 00:30 CET to 04:30 CEST is three real hours; 01:30 CEST to 02:30 CET (the repeated hour) is two.
    const acrossSpring = await booking(room, `${spring}T00:30:00+01:00`, `${spring}T04:30:00+02:00`)
    const acrossAutumn = await booking(otherRoom, `${autumn}T01:30:00+02:00`, `${autumn}T02:30:00+01:00`, 'M. Martin')
    const plain = await booking(room, localSlot(tenant, 3, '10:00'), localSlot(tenant, 3, '12:00'))
    const cancelled = await booking(room, localSlot(tenant, 4, '10:00'), localSlot(tenant, 4, '11:00'))
    await app.payload.update({ id: cancelled.id, collection: 'bookings', context: statusChange('cancelled'), data: { status: 'cancelled' } })
    const past = await booking(room, localSlot(tenant, -40, '10:00'), localSlot(tenant, -40, '11:00'))
    const session = await app.payload.create({
      collection: 'sessions',
      data: { end: localSlot(tenant, 5, '16:00'), room: otherRoom.id, start: localSlot(tenant, 5, '14:00'), status: 'scheduled', tenant: tenant.id },
    })

    const created = await createFeed({ name: 'Studio', tenant: tenant.id })
    expect(created.status).toBe(201)
    expect(created.body.token).toMatch(/^[\w-]{43}$/)
    expect(created.body.url).toBe(`http://localhost:3000/api/calendar/feeds/${created.body.token}.ics`)
    expect(created.body.webcalUrl).toBe(`webcal://localhost:3000/api/calendar/feeds/${created.body.token}.ics`)

    const response = await fetchFeed(created.body.token)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('private, max-age=300')
    const { events, text } = await eventsOf(created.body.token)
    expect(text).toContain('X-WR-TIMEZONE:Europe/Paris')
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/)
    const byUid = new Map(events.map((event) => [event.uid, event]))
    const realHours = (doc: Booking) => ((byUid.get(uidOf(doc))?.end?.getTime() ?? 0) - (byUid.get(uidOf(doc))?.start.getTime() ?? 0)) / 3_600_000
    for (const doc of [acrossSpring, acrossAutumn, plain]) {
      const event = byUid.get(uidOf(doc))
      expect(event, doc.ref ?? '').toBeDefined()
      expect(event?.start.getTime()).toBe(Date.parse(doc.start))
      expect(event?.end?.getTime()).toBe(Date.parse(doc.end))
      expect(event?.lastmodified?.getTime()).toBe(Math.floor(Date.parse(doc.updatedAt) / 1000) * 1000)
    }
    expect(realHours(acrossSpring)).toBe(3)
    expect(realHours(acrossAutumn)).toBe(2)
    expect(byUid.get(uidOf(acrossSpring))!.summary).toBe(`${acrossSpring.ref} · Grande salle · Mme Durand`)
    expect(byUid.get(uidOf(acrossAutumn))!.location).toBe('Cabine')
    expect(byUid.has(uidOf(cancelled))).toBe(false)
    expect(byUid.has(uidOf(past))).toBe(false) // before the 30-day look-back
    expect(byUid.get(`session-${session.id}@localhost`)?.summary).toBe('Session · Cabine')
  })

  it("a room's feed holds that room only", async () => {
    const inRoom = await booking(room, localSlot(tenant, 6, '10:00'), localSlot(tenant, 6, '11:00'))
    const elsewhere = await booking(otherRoom, localSlot(tenant, 6, '10:00'), localSlot(tenant, 6, '11:00'))
    const created = await createFeed({ name: 'Cabine only', room: otherRoom.id, tenant: tenant.id })
    expect(created.body.feed.room).toBe(otherRoom.id)
    const { events } = await eventsOf(created.body.token)
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((event) => event.location === 'Cabine')).toBe(true)
    const uids = events.map((event) => event.uid)
    expect(uids).toContain(uidOf(elsewhere))
    expect(uids).not.toContain(uidOf(inRoom))
  })

  it('answers 304 to a matching If-None-Match, and a new ETag once a booking changes', async () => {
    const { body } = await createFeed({ name: 'Cached', room: room.id, tenant: tenant.id })
    const first = await fetchFeed(body.token)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect((await fetchFeed(body.token)).headers.get('etag')).toBe(etag) // same bytes while nothing changes
    const cached = await fetchFeed(body.token, { 'If-None-Match': `"other", W/${etag}` })
    expect(cached.status).toBe(304)
    expect(cached.headers.get('etag')).toBe(etag)
    expect(await cached.text()).toBe('')
    await booking(room, localSlot(tenant, 8, '10:00'), localSlot(tenant, 8, '11:00'))
    const changed = await fetchFeed(body.token, { 'If-None-Match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('rotation: the old URL answers 404 from then on, the new one works; revocation ends it', async () => {
    const { body } = await createFeed({ name: 'Phone', tenant: tenant.id })
    const rotated = await app.rest.post(`/calendar/feeds/${body.feed.id}/rotate`, undefined, { token: staffToken })
    expect(rotated.status).toBe(200)
    const next = (await rotated.json()) as Issued
    expect(next.token).not.toBe(body.token)
    expect((await fetchFeed(body.token)).status).toBe(404)
    expect((await fetchFeed(next.token)).status).toBe(200)

    const revoked = await app.rest.post(`/calendar/feeds/${body.feed.id}/revoke`, undefined, { token: staffToken })
    expect(revoked.status).toBe(200)
    expect(((await revoked.json()) as { feed: { revokedAt: null | string } }).feed.revokedAt).not.toBeNull()
    expect((await fetchFeed(next.token)).status).toBe(404)
    expect((await app.rest.post(`/calendar/feeds/${body.feed.id}/revoke`, undefined, { token: staffToken })).status).toBe(200)
    const again = await app.rest.post(`/calendar/feeds/${body.feed.id}/rotate`, undefined, { token: staffToken })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { code?: string }).code).toBe('feed_revoked')
  })

  it('answers 404 in one shape for malformed and unknown tokens', async () => {
    for (const token of ['nope', 'x'.repeat(43), 'a'.repeat(43).replace(/a$/, '%'), 'y'.repeat(100)]) {
      const response = await fetchFeed(encodeURIComponent(token))
      expect(response.status, token).toBe(404)
      expect(((await response.json()) as { errors: unknown[] }).errors).toHaveLength(1)
    }
  })

  it('limits fetches per client address (429 with Retry-After)', async () => {
    const address = anotherAddress()
    const statuses: number[] = []
    for (let attempt = 0; attempt < 61; attempt++) statuses.push((await fetchFeed('x'.repeat(43), { 'X-Forwarded-For': address })).status)
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true)
    const limited = await fetchFeed('x'.repeat(43), { 'X-Forwarded-For': address })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
