// POST /api/reports/build (JSON) on hand-seeded bookings in New York around the 2026 spring-forward: every
// operator, grouping, bucket and aggregation against results worked out by hand; scoping (another studio, a
// member of two studios, personal fields); injection attempts that do nothing; conversion at each row's date.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'
import type { ReportAnswer } from '../../plugins/reports'

import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Answer = ReportAnswer & { code?: string; errors?: { message: string; path?: string }[] }
type Db = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

describe('reports: the spec compiler over real PostgreSQL', () => {
  let app: TestApp
  let studio: Tenant
  let other: Tenant
  let alpha: Room
  let beta: Room
  let owner: string
  let admin: string
  let twoStudios: string
  let superAdmin: string
  const db = () => app.payload.db.drizzle as unknown as Db

  const build = async (spec: Record<string, unknown>, token = owner) => {
    const response = await app.rest.post('/reports/build', spec, { token })
    return { body: (await response.json()) as Answer, status: response.status }
  }
  /** The bookings' refs a filter keeps, sorted. */
  const refsWhere = async (filters: unknown) => {
    const { body, status } = await build({ fields: ['ref'], filters, sort: [{ key: 'ref' }], source: 'bookings', tenant: studio.id })
    expect(status, JSON.stringify(body)).toBe(200)
    return body.rows.map((row) => row.ref)
  }

  async function booking(room: Room, ref: string, values: { createdAt: string; currency: string; email: string; hours: number; name: string; paid: number; price: number; source: string; start: string; status: string }, tenant = studio) {
    const end = new Date(Date.parse(values.start) + values.hours * 3_600_000).toISOString()
    const { rows } = await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid, created_at)
      values (${tenant.id}, ${ref}, ${room.id}, ${values.name}, ${values.email}, ${values.start}, ${end}, ${end}, ${values.status}::enum_bookings_status,
        ${values.source}::enum_bookings_source, ${values.price}, ${values.paid}, ${values.currency}, ${values.paid}, ${values.createdAt}) returning id`)
    return rows[0]!.id as number
  }

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload, { name: 'Hudson Sound', timezone: 'America/New_York' })
    other = await createTenant(app.payload, { name: 'Rive Gauche', timezone: 'Europe/Paris' })
    alpha = await createRoom(app.payload, studio, { name: 'Alpha' })
    beta = await createRoom(app.payload, studio, { name: 'Beta' })
    const gamma = await createRoom(app.payload, other, { name: 'Gamma' })
    // Local New York times: b1 Sat 7 Mar 23:30 EST, b2 Sun 8 Mar 00:30 EST, b3 Sun 8 Mar 23:30 EDT, b4 Mon 9 Mar 00:30 EDT, b5 Sat 28 Feb 22:00 EST.
    await booking(alpha, 'R-B1', { createdAt: '2026-03-02T10:00:00Z', currency: 'EUR', email: 'ann@example.com', hours: 1, name: 'Ann Lee', paid: 3000, price: 10000, source: 'public', start: '2026-03-08T04:30:00Z', status: 'confirmed' })
    const b2 = await booking(alpha, 'R-B2', { createdAt: '2026-03-06T10:00:00Z', currency: 'EUR', email: 'bob@example.com', hours: 2, name: 'Bob Stone', paid: 6000, price: 20000, source: 'staff', start: '2026-03-08T05:30:00Z', status: 'cancelled' })
    await booking(beta, 'R-B3', { createdAt: '2026-03-06T10:00:00Z', currency: 'USD', email: 'ANN@example.com', hours: 1, name: 'Ann Lee', paid: 5000, price: 5000, source: 'public', start: '2026-03-09T03:30:00Z', status: 'completed' })
    await booking(beta, 'R-B4', { createdAt: '2026-03-06T10:00:00Z', currency: 'EUR', email: 'cy@example.com', hours: 3, name: "Cy O'Brien; drop table bookings;--", paid: 0, price: 15000, source: 'public', start: '2026-03-09T04:30:00Z', status: 'pending' })
    await booking(alpha, 'R-B5', { createdAt: '2026-02-20T10:00:00Z', currency: 'EUR', email: 'dee@example.com', hours: 1, name: 'Dee', paid: 0, price: 7000, source: 'staff', start: '2026-03-01T03:00:00Z', status: 'expired' })
    await booking(gamma, 'R-B6', { createdAt: '2026-03-02T10:00:00Z', currency: 'EUR', email: 'ann@example.com', hours: 1, name: 'Ann Lee', paid: 0, price: 99900, source: 'public', start: '2026-03-08T10:00:00Z', status: 'confirmed' }, other)
    const { rows } = await db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at) values (${studio.id}, ${b2}, 'cs_b2', 6000, 'EUR', 'paid', '2026-03-03T12:00:00Z') returning id`)
    await db().execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status) values
      (${studio.id}, ${rows[0]!.id as number}, ${b2}, 'rf-ok', 3000, 'EUR', 'cancellation', 'succeeded'),
      (${studio.id}, ${rows[0]!.id as number}, ${b2}, 'rf-failed', 1000, 'EUR', 'cancellation', 'failed')`)
    await db().execute(sql`insert into exchange_rates (date, currency, rate, provider) values ('2026-03-01', 'USD', 1.10, 'ecb'), ('2026-03-05', 'USD', 1.20, 'ecb')`)

    owner = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant: studio }])).email, PASSWORD)
    admin = await app.rest.login((await createUser(app.payload, [{ role: 'admin', tenant: studio }])).email, PASSWORD)
    twoStudios = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant: studio }, { role: 'staff', tenant: other }])).email, PASSWORD)
    superAdmin = await app.rest.login((await createUser(app.payload, [], { superAdmin: true })).email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('applies every operator as worked out by hand', async () => {
    expect(await refsWhere({ field: 'status', op: 'eq', value: 'confirmed' })).toEqual(['R-B1'])
    expect(await refsWhere({ field: 'status', op: 'ne', value: 'confirmed' })).toEqual(['R-B2', 'R-B3', 'R-B4', 'R-B5'])
    expect(await refsWhere({ field: 'price', op: 'gt', value: 10000 })).toEqual(['R-B2', 'R-B4'])
    expect(await refsWhere({ field: 'price', op: 'gte', value: 10000 })).toEqual(['R-B1', 'R-B2', 'R-B4'])
    expect(await refsWhere({ field: 'price', op: 'lt', value: 7000 })).toEqual(['R-B3'])
    expect(await refsWhere({ field: 'price', op: 'lte', value: 7000 })).toEqual(['R-B3', 'R-B5'])
    expect(await refsWhere({ field: 'price', op: 'between', value: [5000, 10000] })).toEqual(['R-B1', 'R-B3', 'R-B5'])
    expect(await refsWhere({ field: 'status', op: 'in', value: ['cancelled', 'expired'] })).toEqual(['R-B2', 'R-B5'])
    expect(await refsWhere({ field: 'status', op: 'notIn', value: ['cancelled', 'expired'] })).toEqual(['R-B1', 'R-B3', 'R-B4'])
    expect(await refsWhere({ field: 'customerName', op: 'contains', value: 'lee' })).toEqual(['R-B1', 'R-B3'])
    expect(await refsWhere({ field: 'customerName', op: 'startsWith', value: 'Bo' })).toEqual(['R-B2'])
    expect(await refsWhere({ field: 'customerPhone', op: 'isNull' })).toHaveLength(5)
    expect(await refsWhere({ field: 'customerPhone', op: 'notNull' })).toEqual([])
    // A local date is the studio's midnight: 8 March 00:00 EST is 05:00Z, so b1 (04:30Z) falls before it.
    expect(await refsWhere({ field: 'start', op: 'gte', value: '2026-03-08' })).toEqual(['R-B2', 'R-B3', 'R-B4'])
    expect(await refsWhere({ field: 'start', op: 'lt', value: '2026-03-08T05:00:00Z' })).toEqual(['R-B1', 'R-B5'])
    expect(await refsWhere({ or: [{ field: 'status', op: 'eq', value: 'cancelled' }, { and: [{ field: 'room', op: 'eq', value: 'Beta' }, { field: 'price', op: 'gte', value: 10000 }] }] })).toEqual(['R-B2', 'R-B4'])
  })

  it('buckets times in the studio’s zone across the DST change', async () => {
    const counts = async (bucket: string) => {
      const { body } = await build({ groupBy: [{ bucket, field: 'start' }], source: 'bookings', tenant: studio.id })
      return Object.fromEntries(body.rows.map((row) => [row[`start${bucket[0]!.toUpperCase()}${bucket.slice(1)}`], row.count]))
    }
    expect(await counts('day')).toEqual({ '2026-02-28': 1, '2026-03-07': 1, '2026-03-08': 2, '2026-03-09': 1 })
    expect(await counts('week')).toEqual({ '2026-02-23': 1, '2026-03-02': 3, '2026-03-09': 1 })
    expect(await counts('month')).toEqual({ '2026-02-01': 1, '2026-03-01': 4 })
    expect(await counts('quarter')).toEqual({ '2026-01-01': 5 })
    expect(await counts('year')).toEqual({ '2026-01-01': 5 })
  })

  it('aggregates in PostgreSQL, money per currency unless converted', async () => {
    const { body } = await build({
      aggregations: [{ field: 'price', fn: 'sum' }, { field: 'price', fn: 'min' }, { field: 'price', fn: 'max' }, { field: 'hours', fn: 'avg' }, { field: 'customerEmail', fn: 'countDistinct' }, { fn: 'count' }],
      source: 'bookings',
      tenant: studio.id,
    })
    expect(body.columns.find((column) => column.key === 'sumPrice')).toMatchObject({ currencyKey: 'currency', type: 'money' })
    expect(body.rows).toEqual([
      { avgHours: 1.75, count: 4, countDistinctCustomerEmail: 4, currency: 'EUR', maxPrice: 20000, minPrice: 7000, sumPrice: 52000 },
      { avgHours: 1, count: 1, countDistinctCustomerEmail: 1, currency: 'USD', maxPrice: 5000, minPrice: 5000, sumPrice: 5000 },
    ])
    expect(body.totals).toEqual(body.rows)

    const byRoom = await build({ aggregations: [{ as: 'paid', field: 'amountPaid', fn: 'sum' }, { as: 'refunded', field: 'refunded', fn: 'sum' }], groupBy: ['room'], source: 'bookings', tenant: studio.id })
    expect(byRoom.body.rows).toEqual([
      { currency: 'EUR', paid: 9000, refunded: 3000, room: 'Alpha' },
      { currency: 'EUR', paid: 0, refunded: 0, room: 'Beta' },
      { currency: 'USD', paid: 5000, refunded: 0, room: 'Beta' },
    ])
    expect(byRoom.body.chart).toMatchObject({ kind: 'bar', x: 'room' })

    const ratio = await build({ aggregations: [{ as: 'share', field: 'amountPaid', fn: 'ratio', over: 'price' }, { as: 'cancelled', fn: 'count', where: { field: 'status', op: 'eq', value: 'cancelled' } }], currency: 'EUR', source: 'bookings', tenant: studio.id })
    // Paid 3000 + 6000 + 5000 USD (4167 EUR at 1.20) over prices 52000 + 4167 EUR.
    expect(ratio.body.rows).toEqual([{ cancelled: 1, share: Math.round((13167 / 56167) * 10_000) / 10_000 }])
  })

  it('converts money with each row’s own date, rounded half-even', async () => {
    const toEur = await build({ aggregations: [{ field: 'price', fn: 'sum' }], currency: 'EUR', source: 'bookings', tenant: studio.id })
    expect(toEur.body.rows).toEqual([{ sumPrice: 56167 }])
    expect(toEur.body.columns).toEqual([{ currency: 'EUR', key: 'sumPrice', label: 'Total price', type: 'money' }])
    // b5 (booked 20 Feb, before any rate) takes the first published day's; the rest take their own day's.
    const toUsd = await build({ aggregations: [{ field: 'price', fn: 'sum' }], currency: 'USD', source: 'bookings', tenant: studio.id })
    expect(toUsd.body.rows).toEqual([{ sumPrice: 11000 + 24000 + 5000 + 18000 + 7700 }])
    const { rows } = await db().execute(sql`select atelier_round_half_even(2.5) as a, atelier_round_half_even(3.5) as b, atelier_round_half_even(-2.5) as c, atelier_round_half_even(2.51) as d`)
    expect(rows[0]).toEqual({ a: '2', b: '4', c: '-2', d: '3' })
    expect((await build({ aggregations: [{ field: 'price', fn: 'sum' }], currency: 'XAF', source: 'bookings', tenant: studio.id })).status).toBe(400)
  })

  it('keeps to the caller’s studio, whatever the spec says', async () => {
    const mine = await build({ groupBy: ['status'], source: 'bookings' })
    expect(mine.body.rows.reduce((sum, row) => sum + (row.count as number), 0)).toBe(5)
    expect((await build({ source: 'bookings', tenant: other.id })).status).toBe(404)
    // A member of two studios: reports in one, staff in the other.
    expect((await build({ source: 'bookings', tenant: other.id }, twoStudios)).status).toBe(403)
    const onlyTheirs = await build({ fields: ['ref'], source: 'bookings' }, twoStudios)
    expect(onlyTheirs.body.rows.map((row) => row.ref).sort()).toEqual(['R-B1', 'R-B2', 'R-B3', 'R-B4', 'R-B5'])
    const everyone = await build({ groupBy: ['status'], source: 'bookings' }, superAdmin)
    expect(everyone.body.columns.slice(0, 2).map((column) => column.key)).toEqual(['studioId', 'studio'])
    expect(everyone.body.rows.filter((row) => row.studio === 'Rive Gauche')).toEqual([{ count: 1, status: 'confirmed', studio: 'Rive Gauche', studioId: other.id }])
  })

  it('lists personal fields only with reports:read-personal', async () => {
    const refused = await build({ groupBy: ['customerEmail'], source: 'bookings' }, admin)
    expect(refused.status).toBe(403)
    expect((await build({ fields: ['ref', 'customerPhone'], source: 'bookings' }, admin)).status).toBe(403)
    const listing = await build({ source: 'bookings' }, admin)
    expect(listing.status).toBe(200)
    expect(listing.body.columns.map((column) => column.key)).not.toContain('customerEmail')
    const ownerListing = await build({ source: 'bookings' })
    expect(ownerListing.body.columns.map((column) => column.key)).toContain('customerEmail')
  })

  it('refuses names outside the registry and does nothing with SQL in names or values', async () => {
    const unknown = await build({ fields: ['secretsAccessTokenHash'], source: 'bookings' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors?.[0]).toMatchObject({ path: 'fields.0' })
    const sqlName = await build({ groupBy: ['status; drop table bookings'], source: 'bookings' })
    expect(sqlName.status).toBe(400)
    expect((await build({ source: 'bookings; select 1' })).status).toBe(400)
    expect((await build({ fields: ['ref'], sort: [{ key: '1; drop table bookings' }], source: 'bookings' })).status).toBe(400)
    expect(await refsWhere({ field: 'customerName', op: 'eq', value: "x' or '1'='1" })).toEqual([])
    expect(await refsWhere({ field: 'customerName', op: 'contains', value: '%' })).toEqual([])
    expect(await refsWhere({ field: 'customerName', op: 'eq', value: "Cy O'Brien; drop table bookings;--" })).toEqual(['R-B4'])
    expect((await build({ filters: { field: 'status', op: 'eq', value: 'shipped' }, source: 'bookings' })).status).toBe(400)
    expect((await build({ filters: { field: 'price', op: 'contains', value: '1' }, source: 'bookings' })).status).toBe(400)
    const deep = { and: [{ or: [{ and: [{ or: [{ field: 'ref', op: 'eq', value: 'x' }] }] }] }] }
    expect((await build({ filters: deep, source: 'bookings' })).status).toBe(400)
    const { rows } = await db().execute(sql`select count(*)::int as n from bookings`)
    expect(rows[0]!.n).toBe(6)
  })

  it('answers 401 signed out and never a 500 on odd input', async () => {
    expect((await app.rest.post('/reports/build', { source: 'bookings' })).status).toBe(401)
    expect((await app.rest.post('/reports/build', 'not json', { token: owner })).status).toBe(400)
    expect((await app.rest.post('/reports/build?format=doc', { source: 'bookings' }, { token: owner })).status).toBe(400)
    expect((await build({ period: { from: '2026-03-09', to: '2026-03-01' }, source: 'bookings' })).status).toBe(400)
    expect((await build({ source: 'occupancy' })).status).toBe(400)
  })
})
