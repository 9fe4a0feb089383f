// Occupancy: one row per active room and local week (ISO, from Monday) of the report's period, with the hours
// the room was open (its opening hours on each of the week's days, as instants: a DST day is an hour shorter
// or longer) and the hours booked (blocking bookings clipped to the week). The weeks come from the period,
// so this source needs one. The booked part repeats the bookings constraint's WHERE and range expression,
// so the constraint's partial GiST index (bookings_no_overlap) finds each room's bookings of the period.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { FromContext, SourceSql } from './sources'

const BLOCKING = sql.raw(`b."status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed')`)
const WEEKDAYS = sql.raw(`array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']`)

/** The period's local dates (YYYY-MM-DD): weeks are those meeting [from, to). */
const roomWeeks = ({ period, tenantId }: FromContext): SQL => {
  const { from, to } = period!
  const firstWeek = sql`date_trunc('week', ${from}::timestamp)`
  const afterLastWeek = sql`(date_trunc('week', ${to}::timestamp - interval '1 microsecond') + interval '7 days')`
  const studioRooms = tenantId === null ? sql`r.active` : sql`r.active and r.tenant_id = ${tenantId}`
  return sql`(
    select r.id as room_id, r.name as room_name, r.tenant_id, t0.timezone, w.week_local,
      w.week_local at time zone t0.timezone as week_start,
      (w.week_local + interval '7 days') at time zone t0.timezone as week_end
    from rooms r
    join tenants t0 on t0.id = r.tenant_id
    cross join generate_series(${firstWeek}, ${afterLastWeek} - interval '7 days', interval '7 days') as w(week_local)
    where ${studioRooms}
  ) rw
  left join lateral (
    -- '24:00'::time is valid in PostgreSQL: date + '24:00' is the next local midnight.
    select coalesce(sum(extract(epoch from (
        ((rw.week_local::date + d.n + oh.closes::time) at time zone rw.timezone)
        - ((rw.week_local::date + d.n + oh.opens::time) at time zone rw.timezone))) / 3600), 0) as hours
    from generate_series(0, 6) as d(n)
    join rooms_opening_hours oh on oh._parent_id = rw.room_id and oh.weekday::text = (${WEEKDAYS})[d.n + 1]
  ) open_time on true
  -- Each room's bookings over the whole period in one index probe (room and range, so a neighbour studio busy
  -- in the same weeks costs nothing), then clipped to each week in memory.
  left join (
    select r.id as room_id, room_spans.spans
    from rooms r join tenants t0 on t0.id = r.tenant_id
    cross join lateral (
      select array_agg(tstzrange(b.start, b."end")) as spans from bookings b
      where b.room_id = r.id and ${BLOCKING}
        and tstzrange(b."start", b."blocked_until") && tstzrange(${firstWeek} at time zone t0.timezone, ${afterLastWeek} at time zone t0.timezone)
    ) room_spans
    where ${studioRooms}
  ) period_bookings on period_bookings.room_id = rw.room_id
  left join lateral (
    select coalesce(sum(extract(epoch from (least(upper(span), rw.week_end) - greatest(lower(span), rw.week_start))) / 3600), 0) as hours
    from unnest(period_bookings.spans) as span
    where upper(span) > rw.week_start and lower(span) < rw.week_end
  ) booked_time on true`
}

export const occupancySql: SourceSql = {
  fields: {
    bookedHours: { expression: sql`round(booked_time.hours, 4)` },
    openHours: { expression: sql`round(open_time.hours, 4)` },
    room: { expression: sql`rw.room_name` },
    roomId: { expression: sql`rw.room_id` },
    week: { expression: sql`rw.week_start` },
  },
  from: roomWeeks,
  collections: ['rooms', 'bookings'],
  tenantColumn: sql`rw.tenant_id`,
}
