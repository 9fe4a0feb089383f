// GET /api/dashboard: the studio's figures and charts on known data in Los Angeles time (bookings either
// side of local midnight), each part only for those who may read it, every studio for a super admin (one
// of them in Auckland, a day ahead), and the 30 s cache. DST edges: dashboardZones.int.test.ts.
import { DateTime } from 'luxon'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'
import type { DashboardAnswer } from '../../plugins/dashboard'

import { statusChange } from '../../plugins/booking'
import { dashboardCache } from '../../plugins/dashboard/services/dashboardAnswer'
import { createDefaultPolicy, createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const ZONE = 'America/Los_Angeles'
type Db = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

describe('dashboard: GET /api/dashboard', () => {
  let app: TestApp
  let tenant: Tenant
  let roomA: Room
  let roomB: Room
  let ownerToken: string
  const spans: { end: DateTime; start: DateTime }[] = []
  const today = () => DateTime.now().setZone(ZONE).startOf('day')
  const db = () => app.payload.db.drizzle as unknown as Db

  const get = async (query: string, token?: string) => {
    const response = await app.rest.get(`/dashboard${query}`, token ? { token } : {})
    return { body: (await response.json()) as DashboardAnswer & { code?: string }, status: response.status }
  }
  async function book(room: Room, start: DateTime, minutes: number, status: 'cancelled' | 'confirmed' | 'pending', studio = tenant) {
    const end = start.plus({ minutes })
    const booking = await app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'guest@example.com', name: 'Guest' }, end: end.toISO()!, room: room.id, start: start.toISO()!, status: 'pending', tenant: studio.id },
    })
    if (status !== 'pending') await app.payload.update({ id: booking.id, collection: 'bookings', context: statusChange(status), data: { status } })
    if (status !== 'cancelled' && studio === tenant) spans.push({ end, start })
    return booking
  }
  const pay = (bookingId: number, amount: number, currency: string, paidAt: DateTime, status = 'paid') =>
    db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at)
      values (${tenant.id}, ${bookingId}, ${`cs_${bookingId}_${amount}_${currency}`}, ${amount}, ${currency}, ${status}::enum_payments_status, ${paidAt.toISO()}) returning id`)

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload, { defaultCurrency: 'EUR', timezone: ZONE })
    await createDefaultPolicy(app.payload, tenant)
    roomA = await createRoom(app.payload, tenant, { bufferMinutes: 0, leadTimeMinutes: 0, name: 'A' })
    roomB = await createRoom(app.payload, tenant, { bufferMinutes: 0, leadTimeMinutes: 0, name: 'B' })
    await createRoom(app.payload, tenant, { active: false, name: 'Closed' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    await createUser(app.payload, [{ role: 'admin', tenant }])
    await createUser(app.payload, [{ role: 'staff', tenant }])
    await createUser(app.payload, [{ role: 'staff', tenant }])
    await createUser(app.payload, [{ role: 'editor', tenant }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)

    // Just after local midnight today, just before it yesterday, a cancelled one today, one ten days ago.
    const first = await book(roomA, today().plus({ minutes: 30 }), 60, 'pending')
    await book(roomA, today().minus({ minutes: 90 }), 60, 'confirmed')
    await book(roomA, today().plus({ hours: 5 }), 60, 'cancelled')
    await book(roomB, today().minus({ days: 10 }).plus({ hours: 10 }), 120, 'confirmed')
    const month = today().startOf('month')
    const paid = (await pay(first.id, 5000, 'EUR', month.plus({ hours: 1 }))).rows[0]!.id as number
    await pay(first.id, 700, 'USD', month.plus({ hours: 2 }))
    await pay(first.id, 3000, 'EUR', month.minus({ days: 15 }))
    await pay(first.id, 9999, 'EUR', month.plus({ hours: 3 }), 'open')
    await db().execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at)
      values (${tenant.id}, ${paid}, ${first.id}, 'refund-1', 1000, 'EUR', 'staff', 'succeeded', ${month.plus({ hours: 4 }).toISO()})`)
    const now = DateTime.now()
    await app.payload.create({
      collection: 'sessions',
      data: { end: now.plus({ minutes: 30 }).toISO()!, room: roomB.id, start: now.minus({ minutes: 30 }).toISO()!, status: 'scheduled', tenant: tenant.id },
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('counts today, this week, pending, sessions now, rooms and members in the studio’s zone', async () => {
    const { body, status } = await get(`?tenant=${tenant.id}`, ownerToken)
    expect(status).toBe(200)
    const weekStart = today().startOf('week')
    const yesterdayInWeek = today().minus({ days: 1 }) >= weekStart
    expect(body.tenant).toMatchObject({ currency: 'EUR', id: tenant.id, timezone: ZONE })
    expect(body.figures).toMatchObject({
      bookingsThisWeek: yesterdayInWeek ? 2 : 1,
      bookingsToday: 1,
      members: { byRole: { admin: 1, artist: 0, editor: 1, owner: 1, staff: 2 }, total: 5 },
      pendingBookings: 1,
      rooms: 2,
      sessionsNow: 1,
    })
    expect(body.figures.revenueThisMonth).toEqual([
      { amount: 4000, currency: 'EUR' },
      { amount: 700, currency: 'USD' },
    ])
  })

  it('draws 30 days of bookings with empty days, 12 months of revenue, and this week’s occupancy', async () => {
    const { body } = await get(`?tenant=${tenant.id}`, ownerToken)
    const days = body.charts.bookingsPerDay!
    expect(days).toHaveLength(30)
    expect(days.at(-1)).toEqual({ count: 1, date: today().toISODate() })
    expect(days.at(-2)).toEqual({ count: 1, date: today().minus({ days: 1 }).toISODate() })
    expect(days.find((day) => day.date === today().minus({ days: 10 }).toISODate())?.count).toBe(1)
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(3)

    const months = body.charts.revenuePerMonth!
    expect(months).toHaveLength(12)
    expect(months.at(-1)?.month).toBe(today().toFormat('yyyy-MM'))
    expect(months.at(-2)).toEqual({ amounts: [{ amount: 3000, currency: 'EUR' }], month: today().minus({ months: 1 }).toFormat('yyyy-MM') })
    expect(months.at(-3)?.amounts).toEqual([])

    // Booked minutes of non-cancelled bookings inside this week; rooms open 09:00–21:00 every day.
    const weekStart = today().startOf('week')
    const weekEnd = weekStart.plus({ weeks: 1 })
    const bookedInWeek = spans.reduce((sum, { end, start }) => {
      const from = start < weekStart ? weekStart : start
      const to = end > weekEnd ? weekEnd : end
      return sum + Math.max(0, to.diff(from, 'minutes').minutes)
    }, 0)
    const occupancy = body.charts.occupancyByRoom!
    expect(occupancy.map((entry) => entry.room.name)).toEqual(['A', 'B'])
    expect(occupancy.every((entry) => entry.openMinutes === 7 * 12 * 60)).toBe(true)
    expect(occupancy.reduce((sum, entry) => sum + entry.bookedMinutes, 0)).toBe(bookedInWeek)
    expect(body.figures.occupancyThisWeek).toBe(Math.round((bookedInWeek / (2 * 7 * 12 * 60)) * 10_000) / 10_000)
  })

  it('links each figure to the studio’s filtered list', async () => {
    const { body } = await get(`?tenant=${tenant.id}`, ownerToken)
    expect(body.links.pendingBookings).toBe(`/admin/collections/bookings?where%5Bstatus%5D%5Bequals%5D=pending&where%5Btenant%5D%5Bequals%5D=${tenant.id}`)
    expect(decodeURIComponent(body.links.bookingsToday!)).toContain(`where[start][greater_than_equal]=${today().toUTC().toISO({ suppressMilliseconds: false })}`)
  })

  it('shows each part only to those who may read it there', async () => {
    // A front desk role: bookings only, no payments, rooms, sessions or people.
    const frontDesk = await app.payload.create({
      collection: 'roles',
      data: { name: 'Front desk', inherits: [], permissions: [{ actions: ['read'], resource: 'bookings' }], slug: 'front-desk', tenant: tenant.id },
    })
    const artist = await createUser(app.payload, [{ role: 'artist', tenant }])
    await app.payload.create({ collection: 'role-assignments', data: { role: frontDesk.id, tenant: tenant.id, user: artist.id } })
    const { body, status } = await get(`?tenant=${tenant.id}`, await app.rest.login(artist.email, PASSWORD))
    expect(status).toBe(200)
    expect(body.figures.bookingsToday).toBe(1)
    expect(body.figures.revenueThisMonth).toBeNull()
    expect(body.figures.members).toBeNull()
    expect(body.figures.rooms).toBeNull()
    expect(body.charts.revenuePerMonth).toBeNull()
    expect(body.charts.occupancyByRoom).toBeNull()
    expect(body.links.revenueThisMonth).toBeUndefined()

    // The artist role reads sessions only: that one figure, and its link.
    const onlySessions = await get(`?tenant=${tenant.id}`, await app.rest.login((await createUser(app.payload, [{ role: 'artist', tenant }])).email, PASSWORD))
    expect(onlySessions.status).toBe(200)
    expect(onlySessions.body.figures).toEqual({
      bookingsThisWeek: null,
      bookingsToday: null,
      members: null,
      occupancyThisWeek: null,
      pendingBookings: null,
      revenueThisMonth: null,
      rooms: null,
      sessionsNow: 1,
    })
    expect(onlySessions.body.charts).toEqual({ bookingsPerDay: null, occupancyByRoom: null, revenuePerMonth: null })
    expect(Object.keys(onlySessions.body.links)).toEqual(['sessionsNow'])
  })

  it('answers 401 signed out, 403 with nothing to read, 404 for another studio, 400 for a bad query', async () => {
    expect((await get(`?tenant=${tenant.id}`)).status).toBe(401)
    // Editors read rooms but not bookings, and the rooms figure needs both.
    const editor = await createUser(app.payload, [{ role: 'editor', tenant }])
    expect((await get(`?tenant=${tenant.id}`, await app.rest.login(editor.email, PASSWORD))).status).toBe(403)
    const other = await createTenant(app.payload)
    const otherOwner = await createUser(app.payload, [{ role: 'owner', tenant: other }])
    expect((await get(`?tenant=${tenant.id}`, await app.rest.login(otherOwner.email, PASSWORD))).status).toBe(404)
    expect((await get('?tenant=abc', ownerToken)).status).toBe(400)
    expect((await get(`?tenant=${tenant.id}&studio=1`, ownerToken)).status).toBe(400)
  })

  it('takes the caller’s only studio when none is named, and asks for one when they have several', async () => {
    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const alone = await get('', await app.rest.login(staff.email, PASSWORD))
    expect(alone.status).toBe(200)
    expect(alone.body.tenant?.id).toBe(tenant.id)
    // The staff role reads bookings, payments, users, rooms and sessions: every part.
    expect(Object.entries(alone.body.figures).filter(([, value]) => value === null)).toEqual([])
    expect(Object.keys(alone.body.links).sort()).toEqual(Object.keys(alone.body.figures).sort())
    const elsewhere = await createTenant(app.payload)
    const twoStudios = await createUser(app.payload, [
      { role: 'staff', tenant },
      { role: 'staff', tenant: elsewhere },
    ])
    const several = await get('', await app.rest.login(twoStudios.email, PASSWORD))
    expect(several.status).toBe(400)
    expect(several.body.code).toBe('tenant_required')
  })

  it('adds up every studio, each in its own zone, for a super admin naming none', async () => {
    const auckland = await createTenant(app.payload, { timezone: 'Pacific/Auckland' })
    await createDefaultPolicy(app.payload, auckland)
    const aucklandRoom = await createRoom(app.payload, auckland, { bufferMinutes: 0, leadTimeMinutes: 0 })
    const aucklandToday = DateTime.now().setZone('Pacific/Auckland').startOf('day')
    const aucklandBooking = await book(aucklandRoom, aucklandToday.plus({ minutes: 15 }), 60, 'pending', auckland)
    // Paid at the first instant of Auckland's month: each studio's own month counts, whichever is ahead.
    await db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at)
      values (${auckland.id}, ${aucklandBooking.id}, 'cs_auckland', 2500, 'NZD', 'paid', ${aucklandToday.startOf('month').toISO()})`)
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    const { body, status } = await get('', await app.rest.login(superAdmin.email, PASSWORD))
    expect(status).toBe(200)
    expect(body.tenant).toBeNull()
    expect(body.links).toEqual({})
    expect(body.figures).toMatchObject({ bookingsToday: 2, pendingBookings: 2, rooms: 3, sessionsNow: 1 })
    // Thirty days ending at Auckland's today (at or ahead of Los Angeles'), each booking on its studio's date.
    const days = body.charts.bookingsPerDay!
    expect(days).toHaveLength(30)
    expect(days.at(-1)?.date).toBe(aucklandToday.toISODate())
    expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(4)
    expect(days.find((day) => day.date === today().toISODate())?.count).toBe(aucklandToday.toISODate() === today().toISODate() ? 2 : 1)
    expect(body.charts.revenuePerMonth).toHaveLength(12)
    expect(body.figures.revenueThisMonth).toEqual([
      { amount: 4000, currency: 'EUR' },
      { amount: 2500, currency: 'NZD' },
      { amount: 700, currency: 'USD' },
    ])
  })

  it('serves the same figures from its cache within the time-to-live, one entry per studio and visible parts', async () => {
    // A fresh entry, so that its 30 s cannot run out during the test.
    dashboardCache(app.payload).clear()
    const before = (await get(`?tenant=${tenant.id}`, ownerToken)).body
    const staffToken = await app.rest.login((await createUser(app.payload, [{ role: 'staff', tenant }])).email, PASSWORD)
    const staffBefore = (await get(`?tenant=${tenant.id}`, staffToken)).body
    // Staff read every part the owner reads, so they share the owner's entry.
    expect(staffBefore.generatedAt).toBe(before.generatedAt)
    // Clear of the session running now on this room, whatever the hour the test runs at.
    await book(roomB, DateTime.now().setZone(ZONE).startOf('minute').plus({ hours: 2 }), 60, 'pending')
    const after = (await get(`?tenant=${tenant.id}`, ownerToken)).body
    expect(after.generatedAt).toBe(before.generatedAt)
    expect(after.figures.pendingBookings).toBe(before.figures.pendingBookings)
    // Someone who sees fewer parts has an entry of their own: never the owner's figures.
    const artist = await app.rest.login((await createUser(app.payload, [{ role: 'artist', tenant }])).email, PASSWORD)
    const sessionsOnly = (await get(`?tenant=${tenant.id}`, artist)).body
    expect(sessionsOnly.generatedAt).not.toBe(before.generatedAt)
    expect(sessionsOnly.figures.pendingBookings).toBeNull()
    expect(sessionsOnly.figures.sessionsNow).toBe(before.figures.sessionsNow)
    // Once the entry is gone (its time-to-live, here cleared), the new booking counts.
    dashboardCache(app.payload).clear()
    const fresh = (await get(`?tenant=${tenant.id}`, ownerToken)).body
    expect(fresh.generatedAt).not.toBe(before.generatedAt)
    expect(fresh.figures.pendingBookings).toBe(before.figures.pendingBookings! + 1)
  })
})
