// Plan limits, enforced where documents are created (rooms, seats, bookings) and reported by GET /api/billing/usage.
import { sql } from '@payloadcms/db-postgres'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { zonedDateTimeToInstant } from '../../plugins/booking/services/zonedTime'
import { poolDb } from '../../utilities/transactionDb'
import { book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type LimitBody = { code?: string; errors: { message: string }[]; limit?: null | number; resource?: string; used?: number }
type Usage = { limits: { limit: null | number; over: boolean; remaining: null | number; resource: string; used: number; warning?: string }[]; plan: { code: string; name: string } | null; tenant: number }

const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

const roomBody = (tenant: Tenant) => {
  const suffix = randomBytes(3).toString('hex')
  return {
    hourlyRate: 3000,
    name: `Room ${suffix}`,
    openingHours: EVERY_DAY.map((weekday) => ({ closes: '21:00', opens: '09:00', weekday })),
    slug: `room-${suffix}`,
    tenant: tenant.id,
  }
}

/** The first instant of the current calendar month in `timeZone`. */
const localMonthStart = (timeZone: string): Date =>
  zonedDateTimeToInstant(`${new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()).slice(0, 7)}-01`, '00:00', timeZone)

describe('plan limits', () => {
  let app: TestApp

  const subscribe = async (tenant: Tenant, code: string) => {
    const { docs } = await app.payload.find({ collection: 'plans', where: { code: { equals: code } } })
    return app.payload.create({
      collection: 'subscriptions',
      data: { interval: 'month', plan: docs[0]!.id, status: 'active', stripeCustomerId: `cus_${tenant.id}_${randomBytes(3).toString('hex')}`, tenant: tenant.id },
    })
  }
  const studioWithOwner = async (plan: null | string, fields: Parameters<typeof createTenant>[1] = {}) => {
    const tenant = await createTenant(app.payload, fields)
    if (plan) await subscribe(tenant, plan)
    const owner = await createUser(app.payload, [{ role: 'owner', tenant }])
    return { owner, tenant, token: await app.rest.login(owner.email, PASSWORD) }
  }
  const usage = async (tenant: Tenant, token: string): Promise<Usage> => {
    const response = await app.rest.get(`/billing/usage?tenant=${tenant.id}`, { token })
    expect(response.status).toBe(200)
    return (await response.json()) as Usage
  }
  const lineOf = (report: Usage, resource: string) => report.limits.find((line) => line.resource === resource)!
  const roomCount = async (tenant: Tenant) => (await app.payload.count({ collection: 'rooms', where: { tenant: { equals: tenant.id } } })).totalDocs

  beforeAll(async () => {
    app = await startTestApp({ ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL: '20', ATELIER_PUBLIC_RATE_LIMIT: '1000' })
    // A plan small enough to reach its monthly bookings in a test.
    await app.payload.create({
      collection: 'plans',
      data: { name: 'Tiny', code: 'tiny', currency: 'EUR', limits: { aiCreditsPerMonth: 10, bookingsPerMonth: 2, customDomains: 0, rooms: null, staffSeats: null }, monthlyPrice: 100, yearlyPrice: 1000 },
    })
  })
  afterAll(async () => {
    await app.close()
  })

  it('refuses a room beyond the plan over REST: 403 plan_limit with limit, used and resource', async () => {
    const { tenant, token } = await studioWithOwner('solo')
    expect((await app.rest.post('/rooms', roomBody(tenant), { token })).status).toBe(201)
    const refused = await app.rest.post('/rooms', roomBody(tenant), { token })
    expect(refused.status).toBe(403)
    const body = (await refused.json()) as LimitBody
    expect(body).toMatchObject({ code: 'plan_limit', limit: 1, resource: 'rooms', used: 1 })
    expect(body.errors).toEqual([{ message: expect.stringMatching(/allows 1 rooms/) }])
    expect(await roomCount(tenant)).toBe(1)
  })

  it('10 concurrent room creates with 2 rooms left: exactly 2 succeed', async () => {
    const { tenant, token } = await studioWithOwner('studio')
    for (let index = 0; index < 3; index++) await createRoom(app.payload, tenant)
    const responses = await Promise.all(Array.from({ length: 10 }, () => app.rest.post('/rooms', roomBody(tenant), { token })))
    const statuses = responses.map((response) => response.status).sort()
    expect(statuses).toEqual([201, 201, ...Array(8).fill(403)])
    const refusals = (await Promise.all(responses.filter((response) => response.status === 403).map((response) => response.json()))) as LimitBody[]
    expect(refusals.every((body) => body.code === 'plan_limit' && body.limit === 5 && body.used === 5)).toBe(true)
    expect(await roomCount(tenant)).toBe(5)
  })

  it('staff seats through POST /api/tenants/:id/members: artists take none, an artist made staff takes one', async () => {
    const { tenant, token } = await studioWithOwner('solo') // 2 seats, the owner holds one
    const [first, second, artist] = await Promise.all([createUser(app.payload, []), createUser(app.payload, []), createUser(app.payload, [])])
    const addMember = (user: User, role: string) => app.rest.post(`/tenants/${tenant.id}/members`, { email: user.email, role }, { token })

    expect((await addMember(first, 'staff')).status).toBe(201)
    const refused = await addMember(second, 'admin')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'plan_limit', limit: 2, resource: 'staffSeats', used: 2 })
    expect((await addMember(artist, 'artist')).status).toBe(201)
    expect(await (await addMember(artist, 'editor')).json()).toMatchObject({ code: 'plan_limit', resource: 'staffSeats' })
    // A seated member changing role takes no new seat.
    expect((await addMember(first, 'admin')).status).toBe(200)
    expect(lineOf(await usage(tenant, token), 'staffSeats')).toMatchObject({ limit: 2, over: false, remaining: 0, used: 2 })
    // A role assigned to the artist would seat them too: refused at the limit; a seated member may take one.
    const role = await app.payload.create({ collection: 'roles', data: { name: 'Desk', permissions: [{ actions: ['read'], resource: 'bookings' }], slug: `desk-${randomBytes(3).toString('hex')}`, tenant: tenant.id } })
    const assign = (user: User) => app.rest.post(`/users/${user.id}/roles`, { role: role.id, tenant: tenant.id }, { token })
    expect(await (await assign(artist)).json()).toMatchObject({ code: 'plan_limit', resource: 'staffSeats' })
    expect((await assign(first)).status).toBe(201)
    expect(lineOf(await usage(tenant, token), 'staffSeats')).toMatchObject({ used: 2 })
  })

  it('bookings a month count from the month start in the studio zone, expired ones aside', async () => {
    const { tenant, token } = await studioWithOwner('tiny', { timezone: 'Pacific/Auckland' }) // 2 bookings a month
    const room = await createRoom(app.payload, tenant, { bufferMinutes: 0 })
    await createDefaultPolicy(app.payload, tenant)
    const db = poolDb(app.payload)
    const monthStart = localMonthStart(tenant.timezone)
    const staffBooking = async (daysAhead: number) =>
      (
        await app.payload.create({
          collection: 'bookings',
          data: { customer: { name: 'Set Up', email: 'setup@example.test' }, end: localSlot(tenant, daysAhead, '11:00'), room: room.id, start: localSlot(tenant, daysAhead, '10:00'), status: 'pending', tenant: tenant.id },
        })
      ).id
    // Last local month (though this UTC month for part of the day), this local month (last UTC month), and an expired hold.
    const before = await staffBooking(3)
    await db.execute(sql`update bookings set created_at = ${new Date(monthStart.getTime() - 3_600_000).toISOString()}::timestamptz where id = ${before}`)
    const after = await staffBooking(4)
    await db.execute(sql`update bookings set created_at = ${new Date(monthStart.getTime() + 60_000).toISOString()}::timestamptz where id = ${after}`)
    const expired = await staffBooking(5)
    await db.execute(sql`update bookings set status = 'expired' where id = ${expired}`)
    expect(lineOf(await usage(tenant, token), 'bookingsPerMonth')).toMatchObject({ limit: 2, remaining: 1, used: 1 })

    const publicBooking = (daysAhead: number, email: string) =>
      book(app.rest, { customer: { email, name: 'Sam' }, end: localSlot(tenant, daysAhead, '15:00'), room: room.id, start: localSlot(tenant, daysAhead, '14:00'), tenant: tenant.slug })
    expect((await publicBooking(6, 'first@example.test')).status).toBe(201)
    const refused = await publicBooking(7, 'second@example.test')
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ code: 'plan_limit', limit: 2, resource: 'bookingsPerMonth', used: 2 })
  })

  it('a month in a zone behind UTC starts later: bookings and AI credits of the UTC month before it are not counted', async () => {
    const { tenant, token } = await studioWithOwner('tiny', { timezone: 'America/Los_Angeles' })
    const room = await createRoom(app.payload, tenant)
    const db = poolDb(app.payload)
    const monthStart = localMonthStart(tenant.timezone)
    const hourBefore = new Date(monthStart.getTime() - 3_600_000).toISOString()
    const { id } = await app.payload.create({
      collection: 'bookings',
      data: { customer: { name: 'Early', email: 'early@example.test' }, end: localSlot(tenant, 3, '11:00'), room: room.id, start: localSlot(tenant, 3, '10:00'), status: 'pending', tenant: tenant.id },
    })
    await db.execute(sql`update bookings set created_at = ${hourBefore}::timestamptz where id = ${id}`)
    // This month: 30 spent, 10 refunded; an hour before it: 100 spent; grants are not spending.
    await db.execute(sql`insert into credit_ledger (tenant_id, kind, amount, reference, created_at, updated_at) values
      (${tenant.id}, 'grant', 500, ${`grant-${tenant.id}`}, now(), now()),
      (${tenant.id}, 'spend', -30, ${`spend-a-${tenant.id}`}, now(), now()),
      (${tenant.id}, 'refund', 10, ${`spend-a-${tenant.id}`}, now(), now()),
      (${tenant.id}, 'spend', -100, ${`spend-b-${tenant.id}`}, ${hourBefore}::timestamptz, now())`)
    const report = await usage(tenant, token)
    expect(lineOf(report, 'bookingsPerMonth')).toMatchObject({ limit: 2, used: 0 })
    expect(lineOf(report, 'aiCreditsPerMonth')).toMatchObject({ limit: 10, over: true, remaining: 0, used: 20 })
  })

  it('a downgrade below usage deletes nothing, warns in usage and refuses new rooms', async () => {
    const { tenant, token } = await studioWithOwner('studio')
    const rooms = await Promise.all([createRoom(app.payload, tenant), createRoom(app.payload, tenant), createRoom(app.payload, tenant)])
    const { docs } = await app.payload.find({ collection: 'subscriptions', where: { tenant: { equals: tenant.id } } })
    const solo = (await app.payload.find({ collection: 'plans', where: { code: { equals: 'solo' } } })).docs[0]!
    await app.payload.update({ id: docs[0]!.id, collection: 'subscriptions', data: { plan: solo.id } })

    const report = await usage(tenant, token)
    expect(report.plan).toEqual({ code: 'solo', name: 'Solo' })
    const line = lineOf(report, 'rooms')
    expect(line).toMatchObject({ limit: 1, over: true, remaining: 0, used: 3 })
    expect(line.warning).toMatch(/nothing is removed/)
    expect(lineOf(report, 'staffSeats')).toMatchObject({ over: false })
    expect(await roomCount(tenant)).toBe(3)
    expect((await app.rest.patch(`/rooms/${rooms[0].id}`, { name: 'Renamed' }, { token })).status).toBe(200)
    expect(await (await app.rest.post('/rooms', roomBody(tenant), { token })).json()).toMatchObject({ code: 'plan_limit', limit: 1, used: 3 })
  })

  it('a studio in trial works within the studio plan; an active one without a subscription has no limits', async () => {
    const trial = await studioWithOwner(null, { status: 'trial' })
    const report = await usage(trial.tenant, trial.token)
    expect(report).toMatchObject({ plan: { code: 'studio', name: 'Studio' }, tenant: trial.tenant.id })
    expect(lineOf(report, 'rooms')).toMatchObject({ limit: 5, remaining: 5, used: 0 })
    for (let index = 0; index < 5; index++) await createRoom(app.payload, trial.tenant)
    await expect(createRoom(app.payload, trial.tenant)).rejects.toMatchObject({ data: { code: 'plan_limit', limit: 5, used: 5 }, status: 403 })

    const free = await studioWithOwner(null)
    for (let index = 0; index < 7; index++) expect((await app.rest.post('/rooms', roomBody(free.tenant), { token: free.token })).status).toBe(201)
    const unlimited = await usage(free.tenant, free.token)
    expect(unlimited.plan).toBeNull()
    expect(unlimited.limits.every((line) => line.limit === null && line.remaining === null && !line.over)).toBe(true)
    expect(lineOf(unlimited, 'rooms').used).toBe(7)
  })

  it('GET /api/billing/usage: 401 signed out, 403 for staff, 404 for another studio, 400 for a bad query', async () => {
    const { tenant, token } = await studioWithOwner('solo')
    const other = await createTenant(app.payload)
    const staff = await createUser(app.payload, [{ role: 'staff', tenant }])
    const staffToken = await app.rest.login(staff.email, PASSWORD)

    expect((await app.rest.get(`/billing/usage?tenant=${tenant.id}`)).status).toBe(401)
    expect((await app.rest.get(`/billing/usage?tenant=${tenant.id}`, { token: staffToken })).status).toBe(403)
    expect((await app.rest.get(`/billing/usage?tenant=${other.id}`, { token })).status).toBe(404)
    const badId = await app.rest.get('/billing/usage?tenant=abc', { token })
    expect(badId.status).toBe(400)
    expect(((await badId.json()) as LimitBody).errors[0]).toMatchObject({ path: 'tenant' })
    const unknownKey = await app.rest.get(`/billing/usage?tenant=${tenant.id}&plan=network`, { token })
    expect(unknownKey.status).toBe(400)
    expect(await unknownKey.json()).toEqual({ errors: [{ message: 'Unknown field "plan".', path: 'plan' }] })
    // The only studio where the caller holds billing:read needs no ?tenant=.
    expect(((await (await app.rest.get('/billing/usage', { token })).json()) as Usage).tenant).toBe(tenant.id)
  })
})
