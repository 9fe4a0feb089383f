// The admin lists' totals from the per-studio counts the triggers keep (plugins/list-counts): equal to
// count(*) through inserts, deletes, a move to another studio and compaction; used only for a query whose
// only conditions are its studios; never counting another studio's rows.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant, User } from '../../payload-types'

import { up as listCountsUp } from '../../migrations/20261206_211016_list_counts'
import { COMPACT_LIST_COUNTS_TASK } from '../../plugins/list-counts'
import { createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Page = { docs: { id: number }[]; hasNextPage: boolean; hasPrevPage: boolean; page: number; totalDocs: number; totalPages: number }
type Executor = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

describe('list totals from kept counts', () => {
  let app: TestApp
  let studioA: Tenant
  let studioB: Tenant
  let roomA: Room
  let roomB: Room
  let token: string
  let onlyAToken: string
  let admin: User
  let made = 0
  const db = () => app.payload.db.drizzle as unknown as Executor

  const booking = (tenant: Tenant, room: Room): Promise<Booking> => {
    // Two hours apart: clear of each booking's buffer.
    const day = 3 + Math.floor(made / 5)
    const time = `${String(8 + 2 * (made++ % 5)).padStart(2, '0')}:00`
    const start = localSlot(tenant, day, time)
    const end = new Date(Date.parse(start) + 3_600_000).toISOString()
    return app.payload.create({ collection: 'bookings', data: { customer: { email: 'count@example.com', name: 'Count' }, end, room: room.id, start, status: 'pending', tenant: tenant.id } })
  }
  // A studio picked as the admin list asks for it (the tenant selector's filter); access adds the caller's.
  const list = async (query: string, studio?: Tenant, as = token): Promise<Page> => {
    const picked = studio ? `&where[tenant][equals]=${studio.id}` : ''
    const response = await app.rest.get(`/bookings?${query}${picked}`, { token: as })
    expect(response.status).toBe(200)
    return (await response.json()) as Page
  }
  const exact = async (tenant: Tenant) => (await app.payload.count({ collection: 'bookings', where: { tenant: { equals: tenant.id } } })).totalDocs
  const idsInOrder = async (tenant: Tenant, limit: number, offset: number) =>
    (await db().execute(sql`select id from bookings where tenant_id = ${tenant.id} order by start desc limit ${limit} offset ${offset}`)).rows.map((row) => Number(row.id))

  beforeAll(async () => {
    app = await startTestApp()
    studioA = await createTenant(app.payload)
    studioB = await createTenant(app.payload)
    roomA = await createRoom(app.payload, studioA)
    roomB = await createRoom(app.payload, studioB)
    admin = await createUser(app.payload, [{ role: 'admin', tenant: studioA }, { role: 'admin', tenant: studioB }])
    const onlyA = await createUser(app.payload, [{ role: 'admin', tenant: studioA }])
    token = await app.rest.login(admin.email, PASSWORD)
    onlyAToken = await app.rest.login(onlyA.email, PASSWORD)
    for (let index = 0; index < 7; index += 1) await booking(studioA, roomA)
    for (let index = 0; index < 3; index += 1) await booking(studioB, roomB)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('pages the studio picked with its exact total, the page Payload would give', async () => {
    const first = await list('limit=2&sort=-start', studioA)
    expect(first).toMatchObject({ hasNextPage: true, hasPrevPage: false, page: 1, totalDocs: 7, totalPages: 4 })
    expect(first.docs.map((doc) => doc.id)).toEqual(await idsInOrder(studioA, 2, 0))
    const last = await list('limit=2&sort=-start&page=4', studioA)
    expect(last).toMatchObject({ hasNextPage: false, hasPrevPage: true, page: 4, totalDocs: 7, totalPages: 4 })
    expect(last.docs.map((doc) => doc.id)).toEqual(await idsInOrder(studioA, 2, 6))
    // No studio picked: both of the member's studios; a member of one sees only its rows counted.
    expect((await list('limit=2')).totalDocs).toBe(10)
    expect((await list('limit=2', undefined, onlyAToken)).totalDocs).toBe(7)
    expect(await list('limit=2', studioB, onlyAToken)).toMatchObject({ docs: [], totalDocs: 0 })
  })

  it('takes the total from the kept counts for a studio-only query, and counts any other filter itself', async () => {
    const planted = await db().execute(sql`insert into list_row_counts (table_name, tenant_id, rows) values ('bookings', ${studioA.id}, 1000) returning id`)
    try {
      expect((await list('limit=2', studioA)).totalDocs).toBe(1007)
      // As the admin list view asks (`draft: true` of every collection; bookings have no drafts).
      const asListView = await app.payload.find({ collection: 'bookings', draft: true, limit: 2, overrideAccess: false, user: { ...admin, collection: 'users' }, where: { tenant: { equals: studioA.id } } })
      expect(asListView.totalDocs).toBe(1007)
      expect((await list('limit=2&where[status][equals]=pending', studioA)).totalDocs).toBe(7)
    } finally {
      await db().execute(sql`delete from list_row_counts where id = ${planted.rows[0]!.id}`)
    }
    expect((await list('limit=2', studioA)).totalDocs).toBe(7)
  })

  it('stays equal to count(*) through deletes, a move to another studio and compaction', async () => {
    const [first, second, third] = (await app.payload.find({ collection: 'bookings', limit: 3, pagination: false, sort: 'start', where: { tenant: { equals: studioA.id } } })).docs
    await app.payload.delete({ collection: 'bookings', id: first!.id })
    await app.payload.delete({ collection: 'bookings', where: { id: { equals: second!.id } } })
    await db().execute(sql`update bookings set tenant_id = ${studioB.id}, room_id = ${roomB.id} where id = ${third!.id}`)
    expect(await exact(studioA)).toBe(4)
    expect(await exact(studioB)).toBe(4)
    expect((await list('limit=2', studioA)).totalDocs).toBe(4)
    expect((await list('limit=2', studioB)).totalDocs).toBe(4)

    await app.payload.jobs.queue({ input: {}, task: COMPACT_LIST_COUNTS_TASK })
    await app.payload.jobs.run()
    const rows = await db().execute(sql`select tenant_id, count(*)::int as entries, sum(rows)::int as total from list_row_counts where table_name = 'bookings' group by tenant_id order by tenant_id`)
    expect(rows.rows).toEqual([
      { entries: 1, tenant_id: studioA.id, total: 4 },
      { entries: 1, tenant_id: studioB.id, total: 4 },
    ])
    expect((await list('limit=2', studioA)).totalDocs).toBe(4)
  })

  it('a delete by studio alone removes every match, not a page of them', async () => {
    const studioC = await createTenant(app.payload)
    const roomC = await createRoom(app.payload, studioC)
    for (let index = 0; index < 12; index += 1) await booking(studioC, roomC)
    const deleted = await app.payload.delete({ collection: 'bookings', where: { tenant: { equals: studioC.id } } })
    expect(deleted.docs).toHaveLength(12)
    expect(await exact(studioC)).toBe(0)
    expect((await list('limit=2', studioC)).totalDocs).toBe(0)
  })

  it('the migration counts the rows already there', async () => {
    await db().execute(sql`delete from list_row_counts where table_name = 'bookings'`)
    expect((await list('limit=2', studioA)).totalDocs).toBe(0)
    // In a transaction, as Payload runs each migration (its table locks need one).
    const drizzle = app.payload.db.drizzle as unknown as { transaction: (work: (tx: unknown) => Promise<void>) => Promise<void> }
    await drizzle.transaction((tx) => listCountsUp({ db: tx, payload: app.payload, req: {} } as Parameters<typeof listCountsUp>[0]))
    expect((await list('limit=2', studioA)).totalDocs).toBe(4)
    expect((await list('limit=2', studioB)).totalDocs).toBe(4)
  })

  it('a TRUNCATE empties the counts of every table it empties', async () => {
    await db().execute(sql`truncate bookings cascade`)
    expect((await list('limit=2', studioA)).totalDocs).toBe(0)
    expect((await db().execute(sql`select count(*)::int as left from list_row_counts where table_name = 'bookings'`)).rows[0]?.left).toBe(0)
  })
})
