// Findings of an attacker's read of the reports plugin, each kept as a test of the fixed behaviour: a saved
// report cannot be turned into a customer listing by someone who may not read customers (nor sent on with its
// schedule owner's permissions); odd values answer 400, never 500; a period cannot make millions of rows.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Room, ScheduledReport, Tenant, User } from '../../payload-types'

import { createRoom } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Db = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

describe('reports: what an attacker tried', () => {
  let app: TestApp
  let studio: Tenant
  let room: Room
  let ownerUser: User
  let adminUser: User
  let owner: string
  let admin: string
  const db = () => app.payload.db.drizzle as unknown as Db
  const build = (spec: Record<string, unknown>, token = owner, format = 'json') => app.rest.post(`/reports/build?format=${format}`, { tenant: studio.id, ...spec }, { token })

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload, { name: 'Hudson', timezone: 'America/New_York' })
    room = await createRoom(app.payload, studio, { name: 'Alpha' })
    await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid)
      values (${studio.id}, 'S-1', ${room.id}, 'Ann Secret', 'ann.secret@example.com', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', '2026-03-02T12:00:00Z', 'confirmed', 'staff', 20000, 6000, 'EUR', 6000)`)
    ownerUser = await createUser(app.payload, [{ role: 'owner', tenant: studio }])
    adminUser = await createUser(app.payload, [{ role: 'admin', tenant: studio }])
    owner = await app.rest.login(ownerUser.email, PASSWORD)
    admin = await app.rest.login(adminUser.email, PASSWORD)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('refuses to save a customer listing for someone without reports:read-personal, and moves a schedule to whoever changes its report', async () => {
    const saved = await app.rest.post('/reports/templates/saved', { name: 'Rooms', spec: { source: 'rooms' }, tenant: studio.id }, { token: owner })
    const templateId = ((await saved.json()) as { doc: { id: number } }).doc.id
    const scheduled = await app.rest.post(
      '/reports/scheduled',
      { format: 'csv', frequency: 'DAILY', name: 'Daily rooms', recipients: [ownerUser.id, adminUser.id], savedTemplate: templateId, sendAt: '07:00', tenant: studio.id },
      { token: owner },
    )
    expect(scheduled.status).toBe(201)
    const schedule = ((await scheduled.json()) as { doc: ScheduledReport }).doc

    const customers = { fields: ['ref', 'customerName', 'customerEmail'], source: 'bookings' }
    const edit = await app.rest.patch(`/report-templates/${templateId}`, { spec: customers }, { token: admin })
    expect(edit.status).toBe(403)
    expect((await app.rest.post('/reports/templates/saved', { name: 'Customers', spec: customers, tenant: studio.id }, { token: admin })).status).toBe(403)
    const unchanged = await app.payload.findByID({ id: templateId, collection: 'report-templates', depth: 0 })
    expect(unchanged.spec).toEqual({ source: 'rooms' })

    // A change the admin may make is theirs: the schedule now runs with the admin's permissions, not the owner's.
    expect((await app.rest.patch(`/report-templates/${templateId}`, { spec: { fields: ['ref', 'price'], source: 'bookings' } }, { token: admin })).status).toBe(200)
    const { rows } = await db().execute(sql`select owner_id from scheduled_reports where id = ${schedule.id}`)
    expect(rows[0]!.owner_id).toBe(adminUser.id)
  })

  it('answers 400, not 500, for values PostgreSQL would refuse', async () => {
    const listing = (filters: unknown) => ({ fields: ['ref'], filters, source: 'bookings' })
    expect((await build(listing({ field: 'id', op: 'eq', value: 1.5 }))).status).toBe(200)
    expect((await build(listing({ field: 'id', op: 'eq', value: 3e9 }))).status).toBe(200)
    expect((await build(listing({ field: 'start', op: 'gte', value: '2024-02-30' }))).status).toBe(400)
    expect((await build(listing({ field: 'start', op: 'gte', value: '0000-01-01T00:00:00Z' }))).status).toBe(400)
    expect((await build({ fields: ['ref'], period: { from: '0000-01-01', to: '2026-01-01' }, source: 'bookings' })).status).toBe(400)
    const manyValues = { or: Array.from({ length: 5 }, () => ({ field: 'ref', op: 'in', value: Array.from({ length: 500 }, (_, index) => `r${index}`) })) }
    expect((await build(listing(manyValues))).status).toBe(400)
    const csv = await build(listing({ field: 'id', op: 'eq', value: 1.5 }), owner, 'csv')
    expect(csv.status).toBe(200)
    expect(await csv.text()).toBe('Reference\r\n')
  })

  it('bounds the rows a period makes, and refuses anonymous callers before reading their body', async () => {
    const occupancy = (from: string, to: string) => build({ aggregations: [{ field: 'bookedHours', fn: 'sum' }], groupBy: ['room'], period: { from, to }, source: 'occupancy' })
    expect((await occupancy('0001-01-01', '9999-12-31')).status).toBe(400)
    expect((await occupancy('2022-01-01', '2026-12-31')).status).toBe(200)
    expect((await app.rest.post('/reports/build', 'x'.repeat(1000))).status).toBe(401)
  })

  it('keeps stalled downloads to the exports’ own connections, and audits a download stopped half-way', async () => {
    await db().execute(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid)
      select ${studio.id}, 'M-' || n, ${room.id}, 'Guest', 'g@example.com', timestamptz '2020-01-01' + n * interval '1 hour', timestamptz '2020-01-01' + n * interval '1 hour' + interval '50 minutes',
        timestamptz '2020-01-01' + n * interval '1 hour' + interval '50 minutes', 'completed', 'public', 1000, 0, 'EUR', 0
      from generate_series(1, 6000) as n`)
    const listing = { fields: ['ref', 'start', 'price'], source: 'bookings' }
    const within = <T,>(ms: number, work: Promise<T>) => Promise.race([work, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))])
    const audited = async () => (await db().execute(sql`select details from audit_logs where action = 'export' and collection = 'reports' and tenant_id = ${studio.id} order by id`)).rows
    const before = (await audited()).length

    // Four downloads that read their first page and stop: the export pool is full, the app's is not.
    const readers: ReadableStreamDefaultReader<Uint8Array>[] = []
    for (let index = 0; index < 4; index++) {
      const reader = (await build(listing, owner, 'csv')).body!.getReader()
      await reader.read()
      await reader.read()
      readers.push(reader)
    }
    const other = await within(10_000, build({ source: 'rooms' }).then((response) => response.status))
    expect(other).toBe(200)
    for (const reader of readers) await reader.cancel()
    // Each cancelled download audits itself and rolls its cursor back as it unwinds: under load, not at once.
    const settled = { interval: 100, timeout: 10_000 }
    const entries = await vi.waitFor(async () => {
      const stopped = (await audited()).slice(before) as { details: { complete: boolean; fields: string[] } }[]
      expect(stopped).toHaveLength(4)
      return stopped
    }, settled)
    expect(entries.every((entry) => entry.details.complete === false && entry.details.fields.includes('ref'))).toBe(true)
    await vi.waitFor(async () => {
      const { rows } = await db().execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)
      expect(rows[0]!.n).toBe(0)
    }, settled)
  })
})
