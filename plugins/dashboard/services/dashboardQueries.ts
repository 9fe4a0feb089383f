// The dashboard's aggregates, computed in PostgreSQL. Every day, week (ISO, from Monday) and month is the
// studio's own, in its timezone: `<instant> at time zone` gives its wall clock, and `<local> at time zone`
// turns a wall-clock boundary back into an instant. For every studio at once, each keeps its own zone.
// Each query takes the instant `at` rather than now(): the parts of one answer, run in parallel, agree on it
// across a midnight, and tests can stand on a DST change.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { Executor } from '../../../utilities/transactionDb'

type Row = Record<string, unknown>

const instant = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`

/** The studios in view, with their local boundaries as instants: one, or every studio (null). */
const scope = (tenantId: null | number, at: Date): SQL => sql`
  scope as (
    select t.id, t.timezone,
      date_trunc('day', ${instant(at)} at time zone t.timezone) as today_local,
      date_trunc('week', ${instant(at)} at time zone t.timezone) as week_local,
      date_trunc('month', ${instant(at)} at time zone t.timezone) as month_local
    from tenants t
    where ${tenantId === null ? sql`true` : sql`t.id = ${tenantId}`}
  ),
  bounds as (
    select id, timezone, today_local, week_local, month_local,
      today_local at time zone timezone as today_start,
      (today_local + interval '1 day') at time zone timezone as tomorrow_start,
      week_local at time zone timezone as week_start,
      (week_local + interval '7 days') at time zone timezone as week_end,
      month_local at time zone timezone as month_start,
      (month_local + interval '1 month') at time zone timezone as month_end
    from scope
  )`

/**
 * The bookings exclusion constraint's WHERE (migration 20261122_070728_booking), written as it is there:
 * a query that repeats it, with the same range expression, may use the constraint's partial GiST index.
 */
const BLOCKING = sql.raw(`b."status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed')`)

/**
 * The studios' rooms, each row with its studio's bounds. Materialized: joined to bookings from this small
 * list, the planner looks each room's bookings up in the GiST index on (room_id, tstzrange(start,
 * blocked_until)); joined from the studio alone, it reads the window's bookings of every studio and keeps
 * the studio's (72,000 rows read for 1,748 in the bench, whose neighbour studio is busy on the same days).
 */
const studioRooms = sql`studio_rooms as materialized (select r.id as room_id, bounds.* from bounds join rooms r on r.tenant_id = bounds.id)`

/** `b`: the blocking bookings of the rooms in `s` (studio_rooms) whose span meets [from, to). */
const bookingsOverlapping = (from: SQL, to: SQL): SQL => sql`
  studio_rooms s join bookings b on b.room_id = s.room_id and b.tenant_id = s.id and ${BLOCKING}
    and tstzrange(b."start", b."blocked_until") && tstzrange(${from}, ${to})`

const rowsOf = async (db: Executor, query: SQL): Promise<Row[]> => ((await db.execute(query)) as { rows: Row[] }).rows
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString())

export type Boundaries = { monthEnd: string; monthStart: string; todayStart: string; tomorrowStart: string; weekEnd: string; weekStart: string }

/** One studio's boundaries as instants, for the links behind the figures. */
export async function boundariesOf(db: Executor, tenantId: number, at = new Date()): Promise<Boundaries | null> {
  const [row] = await rowsOf(db, sql`with ${scope(tenantId, at)} select * from bounds`)
  if (!row) return null
  return {
    monthEnd: iso(row.month_end)!,
    monthStart: iso(row.month_start)!,
    todayStart: iso(row.today_start)!,
    tomorrowStart: iso(row.tomorrow_start)!,
    weekEnd: iso(row.week_end)!,
    weekStart: iso(row.week_start)!,
  }
}

/**
 * Bookings starting today and this week (the blocking statuses: all but cancelled and expired), and those
 * waiting for staff. Today lies inside this week, so one pass over the week's bookings counts both.
 */
export async function bookingCounts(db: Executor, tenantId: null | number, at = new Date()) {
  const [row] = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)}, ${studioRooms},
    counted as (
      select count(*) filter (where b.start >= s.today_start and b.start < s.tomorrow_start) as today, count(*) as week
      from ${bookingsOverlapping(sql`s.week_start`, sql`s.week_end`)}
      where b.start >= s.week_start and b.start < s.week_end
    )
    select counted.today::int as today, counted.week::int as week,
      (select count(*) from bookings b join bounds s on s.id = b.tenant_id where b.status = 'pending')::int as pending
    from counted`,
  )
  return { pending: Number(row?.pending ?? 0), thisWeek: Number(row?.week ?? 0), today: Number(row?.today ?? 0) }
}

/**
 * Bookings per local day over the last 30 days, today included; empty days count 0. For every studio at
 * once the days end at the furthest-ahead studio's today (always 30 of them), each booking on its own
 * studio's local date.
 */
export async function bookingsPerDay(db: Executor, tenantId: null | number, at = new Date()) {
  const rows = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)}, ${studioRooms},
    span as (select max(today_local) - interval '29 days' as first_day, max(today_local) + interval '1 day' as after_day from bounds),
    days as (select d.day from span cross join generate_series(span.first_day, span.after_day - interval '1 day', interval '1 day') as d(day)),
    counted as (
      select (b.start at time zone s.timezone)::date as day, count(*) as count
      from span cross join ${bookingsOverlapping(sql`span.first_day at time zone s.timezone`, sql`span.after_day at time zone s.timezone`)}
      where b.start >= span.first_day at time zone s.timezone and b.start < span.after_day at time zone s.timezone
      group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as date, coalesce(counted.count, 0)::int as count
    from days left join counted on counted.day = days.day::date
    order by days.day`,
  )
  return rows.map((row) => ({ count: Number(row.count), date: String(row.date) }))
}

/**
 * Money in (paid payments) and out (succeeded refunds) of the studios in `studios` (aliased `s`), between
 * two local wall-clock times, signed and each on its local month.
 */
const moves = (studios: SQL, from: SQL, to: SQL): SQL => sql`
  moves as (
    select date_trunc('month', p.paid_at at time zone s.timezone) as month, p.amount, p.currency
      from ${studios} join payments p on p.tenant_id = s.id
      where p.status = 'paid' and p.paid_at >= ${from} at time zone s.timezone and p.paid_at < ${to} at time zone s.timezone
    union all
    select date_trunc('month', r.created_at at time zone s.timezone), -r.amount, r.currency
      from ${studios} join refunds r on r.tenant_id = s.id
      where r.status = 'succeeded' and r.created_at >= ${from} at time zone s.timezone and r.created_at < ${to} at time zone s.timezone
  )`

const amountsOf = (rows: Row[]) => rows.filter((row) => row.currency !== null && row.currency !== undefined).map((row) => ({ amount: Number(row.amount), currency: String(row.currency) }))

/**
 * Paid deposits and payments (by paid_at) minus succeeded refunds (by created_at) per local month, the last
 * 12 months, per currency. For every studio at once the months end at the furthest-ahead studio's month.
 */
export async function revenuePerMonth(db: Executor, tenantId: null | number, at = new Date()) {
  const rows = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)},
    span as (select max(month_local) - interval '11 months' as first_month, max(month_local) + interval '1 month' as after_month from bounds),
    months as (
      select m.month from span cross join generate_series(span.first_month, span.after_month - interval '1 month', interval '1 month') as m(month)
    ),
    ${moves(sql`bounds s cross join span`, sql`span.first_month`, sql`span.after_month`)}
    select to_char(months.month, 'YYYY-MM') as month, moves.currency, sum(moves.amount) as amount
    from months left join moves on moves.month = months.month
    group by months.month, moves.currency order by months.month, moves.currency`,
  )
  // At most 12 × currencies aggregated rows, regrouped by month.
  const byMonth = new Map<string, Row[]>()
  for (const row of rows) byMonth.set(String(row.month), [...(byMonth.get(String(row.month)) ?? []), row])
  return [...byMonth].map(([month, monthRows]) => ({ amounts: amountsOf(monthRows), month }))
}

/**
 * This month's revenue, each studio's own local month: for every studio at once, a studio still in last
 * month (behind the furthest-ahead one, for a few hours at a month's turn) counts that month.
 */
export async function revenueThisMonth(db: Executor, tenantId: null | number, at = new Date()) {
  const rows = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)},
    ${moves(sql`bounds s`, sql`s.month_local`, sql`(s.month_local + interval '1 month')`)}
    select moves.currency, sum(moves.amount) as amount from moves group by moves.currency order by moves.currency`,
  )
  return amountsOf(rows)
}

/**
 * This week's booked minutes (blocking bookings, clipped to the week) against opening minutes (the room's
 * opening hours on each of the week's seven local days, as instants: a day that changes DST is an hour
 * shorter or longer), per active room. Booked minutes are not clipped to opening hours.
 */
export async function occupancyByRoom(db: Executor, tenantId: null | number, at = new Date()) {
  const rows = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)},
    active_rooms as (
      select r.id, r.name, s.timezone, s.week_local, s.week_start, s.week_end from rooms r join bounds s on s.id = r.tenant_id where r.active
    ),
    opening as (
      -- '24:00'::time is valid in PostgreSQL: date + '24:00' is the next local midnight.
      select ar.id, sum(extract(epoch from (
          ((ar.week_local::date + offsets.n + oh.closes::time) at time zone ar.timezone)
          - ((ar.week_local::date + offsets.n + oh.opens::time) at time zone ar.timezone)
        )) / 60) as minutes
      from active_rooms ar
      cross join generate_series(0, 6) as offsets(n)
      join rooms_opening_hours oh on oh._parent_id = ar.id
        and oh.weekday::text = (array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])[offsets.n + 1]
      group by ar.id
    ),
    booked as (
      select ar.id, sum(extract(epoch from (least(b."end", ar.week_end) - greatest(b.start, ar.week_start))) / 60) as minutes
      from active_rooms ar
      join bookings b on b.room_id = ar.id and ${BLOCKING} and tstzrange(b."start", b."blocked_until") && tstzrange(ar.week_start, ar.week_end)
      where b."end" > ar.week_start
      group by ar.id
    )
    select ar.id, ar.name, coalesce(opening.minutes, 0) as open_minutes, coalesce(booked.minutes, 0) as booked_minutes
    from active_rooms ar left join opening on opening.id = ar.id left join booked on booked.id = ar.id
    order by ar.name, ar.id`,
  )
  return rows.map((row) => {
    const openMinutes = Math.round(Number(row.open_minutes))
    const bookedMinutes = Math.round(Number(row.booked_minutes))
    return { bookedMinutes, openMinutes, ratio: ratio(bookedMinutes, openMinutes), room: { id: Number(row.id), name: String(row.name) } }
  })
}

/** booked / open, 4 decimals, at most 1; 0 with no opening minutes. */
export const ratio = (booked: number, open: number): number => (open > 0 ? Math.round(Math.min(1, booked / open) * 10_000) / 10_000 : 0)

/** Sessions whose span holds this instant (not cancelled), and active rooms. */
export async function sessionsAndRooms(db: Executor, tenantId: null | number, at = new Date()) {
  const [row] = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)}, ${studioRooms}
    select
      -- The sessions constraint's WHERE and range, room by room, so that its GiST index serves.
      (select count(*) from studio_rooms s
        join sessions se on se.room_id = s.room_id and se.tenant_id = s.id and (se."status" <> 'cancelled')
          and tstzrange(se."start", se."blocked_until") && tstzrange(${instant(at)}, ${instant(at)}, '[]')
        where se.start <= ${instant(at)} and se."end" > ${instant(at)})::int as sessions_now,
      (select count(*) from rooms r join bounds s on s.id = r.tenant_id where r.active)::int as rooms`,
  )
  return { rooms: Number(row?.rooms ?? 0), sessionsNow: Number(row?.sessions_now ?? 0) }
}

/** Members per tenant role: each membership counts once. */
export async function membersByRole(db: Executor, tenantId: null | number, at = new Date()) {
  const rows = await rowsOf(
    db,
    sql`with ${scope(tenantId, at)}
    select ut.role::text as role, count(*)::int as count from users_tenants ut join bounds s on s.id = ut.tenant_id group by ut.role`,
  )
  return rows.map((row) => ({ count: Number(row.count), role: String(row.role) }))
}
