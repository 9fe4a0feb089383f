// Availability must not grow with a room's history: the SQL busyIntervals runs must reach the room's bookings
// and sessions through the exclusion constraints' partial GiST indexes (bookings_no_overlap,
// sessions_no_overlap), which needs its status predicates to imply the constraints' WHERE clauses. A room with
// tens of thousands of past bookings and sessions makes any other plan (the room_id index, a scan) visible.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { busyIntervalsSql } from '../../plugins/booking/services/publicBooking'
import { createRoom } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type PlanNode = { 'Index Name'?: string; 'Node Type': string; Plans?: PlanNode[] }

const HOUR = 3_600_000
const PAST = 30_000

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)]

describe('busyIntervals reads through the exclusion constraints’ GiST indexes', () => {
  let app: TestApp
  let tenant: Tenant
  let room: Room
  // Whole hours, so that the seeded spans meet the windows below exactly at their edges.
  const now = new Date(Math.floor(Date.now() / HOUR) * HOUR)
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR)

  const rowsOf = async <T>(query: SQL): Promise<T[]> => ((await app.payload.db.drizzle.execute(query)) as unknown as { rows: T[] }).rows
  const plan = async (query: SQL) => (await rowsOf<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(sql`explain (format json) ${query}`))[0]!['QUERY PLAN'][0]!.Plan
  const spans = async (query: SQL) =>
    (await rowsOf<{ end: Date | string; start: Date | string }>(query)).map((row) => `${new Date(row.start).toISOString()}/${new Date(row.end).toISOString()}`).sort()

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload)
    room = await createRoom(app.payload, tenant, { bufferMinutes: 30 })
    const seed = (query: SQL) => app.payload.db.drizzle.execute(query)
    const base = now.toISOString()
    // Years of history: one 2-hour booking every 3 hours (30 minutes of buffer), 1 in 10 cancelled, 1 in 17 expired.
    await seed(sql`
      insert into bookings (tenant_id, room_id, ref, customer_name, customer_email, start, "end", blocked_until, status)
      select ${tenant.id}, ${room.id}, 'EXPLAIN' || g, 'Past customer', 'past@example.test',
        ${base}::timestamptz - make_interval(hours => 3 * g + 48), ${base}::timestamptz - make_interval(hours => 3 * g + 46),
        ${base}::timestamptz - make_interval(hours => 3 * g + 46) + interval '30 minutes',
        (case when g % 10 = 0 then 'cancelled' when g % 17 = 0 then 'expired' else 'completed' end)::enum_bookings_status
      from generate_series(1, ${PAST}) g`)
    await seed(sql`
      insert into sessions (tenant_id, room_id, start, "end", blocked_until, status)
      select ${tenant.id}, ${room.id}, ${base}::timestamptz - make_interval(hours => 3 * g + 45),
        ${base}::timestamptz - make_interval(hours => 3 * g + 44), ${base}::timestamptz - make_interval(hours => 3 * g + 44),
        (case when g % 7 = 0 then 'cancelled' else 'completed' end)::enum_sessions_status
      from generate_series(1, ${PAST}) g`)
    // The window [now, now + 10 h): spans that end (buffer included) at its start or begin at its end do not meet
    // it; a session ending before it meets it by its buffer.
    const booking = (ref: string, start: number, end: number, blockedUntil: number, status: string) =>
      sql`(${tenant.id}, ${room.id}, ${ref}, 'Customer', 'c@example.test', ${at(start).toISOString()}::timestamptz, ${at(end).toISOString()}::timestamptz, ${at(blockedUntil).toISOString()}::timestamptz, ${status}::enum_bookings_status)`
    await seed(sql`
      insert into bookings (tenant_id, room_id, ref, customer_name, customer_email, start, "end", blocked_until, status) values
      ${booking('EDGE-BEFORE', -2, -1, 0, 'confirmed')},
      ${booking('IN-PENDING', 1, 2, 2.5, 'pending')}, ${booking('IN-AWAITING', 3, 4, 4.5, 'awaiting_payment')},
      ${booking('IN-CANCELLED', 3, 4, 4.5, 'cancelled')}, ${booking('IN-EXPIRED', 5, 6, 6, 'expired')},
      ${booking('IN-CONVERTED', 5, 6, 6, 'converted')}, ${booking('EDGE-AFTER', 10, 11, 11.5, 'confirmed')}`)
    await seed(sql`
      insert into sessions (tenant_id, room_id, start, "end", blocked_until, status) values
      (${tenant.id}, ${room.id}, ${at(-1).toISOString()}::timestamptz, ${at(-0.5).toISOString()}::timestamptz, ${at(0.5).toISOString()}::timestamptz, 'completed'),
      (${tenant.id}, ${room.id}, ${at(7).toISOString()}::timestamptz, ${at(8).toISOString()}::timestamptz, ${at(8).toISOString()}::timestamptz, 'scheduled'),
      (${tenant.id}, ${room.id}, ${at(8).toISOString()}::timestamptz, ${at(9).toISOString()}::timestamptz, ${at(9).toISOString()}::timestamptz, 'cancelled'),
      (${tenant.id}, ${room.id}, ${at(9.5).toISOString()}::timestamptz, ${at(10).toISOString()}::timestamptz, ${at(10).toISOString()}::timestamptz, 'in_progress'),
      (${tenant.id}, ${room.id}, ${at(10).toISOString()}::timestamptz, ${at(11).toISOString()}::timestamptz, ${at(11).toISOString()}::timestamptz, 'scheduled')`)
    await seed(sql`analyze bookings`)
    await seed(sql`analyze sessions`)
  })

  afterAll(async () => {
    await app?.close()
  })

  it('plans the bookings part on bookings_no_overlap and the sessions part on sessions_no_overlap', async () => {
    // The public availability window: a day before the first local day to two after the last of 30.
    const indexes = nodesOf(await plan(busyIntervalsSql(room.id, at(-24), at(33 * 24))))
      .map((node) => node['Index Name'])
      .filter(Boolean)
    expect(indexes).toContain('bookings_no_overlap')
    expect(indexes).toContain('sessions_no_overlap')
    expect(indexes).not.toContain('bookings_room_idx')
    expect(indexes).not.toContain('sessions_room_idx')
  })

  it('finds what the old comparison found: blocking bookings and live sessions meeting [from, to), edges excluded', async () => {
    const window = { from: at(0), to: at(10) }
    const found = await spans(busyIntervalsSql(room.id, window.from, window.to))
    // The comparison busyIntervals made before it used the ranges, on the same rows.
    const compared = await spans(sql`
      select start, "end" from bookings where room_id = ${room.id} and status::text = any('{pending,awaiting_payment,confirmed,converted,completed}'::text[])
        and start < ${window.to.toISOString()}::timestamptz and blocked_until > ${window.from.toISOString()}::timestamptz
      union all
      select start, "end" from sessions where room_id = ${room.id} and status <> 'cancelled'
        and start < ${window.to.toISOString()}::timestamptz and blocked_until > ${window.from.toISOString()}::timestamptz`)
    expect(found).toEqual(compared)
    const span = (start: number, end: number) => `${at(start).toISOString()}/${at(end).toISOString()}`
    expect(found).toEqual([span(-1, -0.5), span(1, 2), span(3, 4), span(5, 6), span(7, 8), span(9.5, 10)].sort())
  })
})
