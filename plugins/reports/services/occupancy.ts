// Occupancy: one row per active room and local week (ISO, from Monday) of the report's period, with the hours
// the room was open (its opening hours on each of the week's days, as instants: a DST day is an hour shorter
// or longer) and the hours booked (blocking bookings clipped to the week). The weeks come from the period,
// so this source needs one. The booked part repeats the bookings constraint's WHERE and range expression,
// so the constraint's partial GiST index (bookings_no_overlap) finds each room-week's bookings.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { FromContext, SourceDef } from './sources'

const BLOCKING = sql.raw(`b."status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed')`)
const WEEKDAYS = sql.raw(`array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']`)

/** The period's local dates (YYYY-MM-DD): weeks are those meeting [from, to). */
const roomWeeks = ({ period }: FromContext): SQL => {
  const { from, to } = period!
  return sql`(
    select r.id as room_id, r.name as room_name, r.tenant_id, t0.timezone, w.week_local,
      w.week_local at time zone t0.timezone as week_start,
      (w.week_local + interval '7 days') at time zone t0.timezone as week_end
    from rooms r
    join tenants t0 on t0.id = r.tenant_id
    cross join generate_series(date_trunc('week', ${from}::timestamp), ${to}::timestamp - interval '1 microsecond', interval '7 days') as w(week_local)
    where r.active
  ) rw
  left join lateral (
    -- '24:00'::time is valid in PostgreSQL: date + '24:00' is the next local midnight.
    select coalesce(sum(extract(epoch from (
        ((rw.week_local::date + d.n + oh.closes::time) at time zone rw.timezone)
        - ((rw.week_local::date + d.n + oh.opens::time) at time zone rw.timezone))) / 3600), 0) as hours
    from generate_series(0, 6) as d(n)
    join rooms_opening_hours oh on oh._parent_id = rw.room_id and oh.weekday::text = (${WEEKDAYS})[d.n + 1]
  ) open_time on true
  left join lateral (
    select coalesce(sum(extract(epoch from (least(b."end", rw.week_end) - greatest(b.start, rw.week_start))) / 3600), 0) as hours
    from bookings b
    where b.room_id = rw.room_id and ${BLOCKING} and tstzrange(b."start", b."blocked_until") && tstzrange(rw.week_start, rw.week_end)
      and b."end" > rw.week_start and b.start < rw.week_end
  ) booked_time on true`
}

export const occupancySource: SourceDef = {
  fields: {
    bookedHours: { expression: sql`round(booked_time.hours, 4)`, groupable: false, label: 'Booked hours', type: 'number' },
    openHours: { expression: sql`round(open_time.hours, 4)`, groupable: false, label: 'Open hours', type: 'number' },
    room: { expression: sql`rw.room_name`, groupable: true, label: 'Room', type: 'string' },
    roomId: { expression: sql`rw.room_id`, groupable: true, label: 'Room id', type: 'number' },
    week: { expression: sql`rw.week_start`, groupable: false, label: 'Week', type: 'datetime' },
  },
  from: roomWeeks,
  periodMakesRows: true,
  periodField: 'week',
  collections: ['rooms', 'bookings'],
  tenantColumn: sql`rw.tenant_id`,
}
