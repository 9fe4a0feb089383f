// Seeds one scale database for bench/scale.ts: the studios, rooms and people through the Local API, then the
// history in SQL with generate_series (minutes for millions of rows, where the API would take hours).
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { WEEKDAYS } from '../plugins/booking/services/zonedTime'

export const SCALE_PASSWORD = 'scale-bench-password'
export const ADMIN_EMAIL = 'admin@scale-a.test'
/** Upcoming bookings per room (2 a day over 40 days), the same at every scale: availability's work in range. */
const UPCOMING_PER_ROOM = 80

export type ScaleWorld = {
  /** The studio the figures are for, and the other one holding as much history. */
  rooms: { a: number[]; b: number[] }
  tenants: { a: { id: number; slug: string }; b: { id: number; slug: string } }
}

type Execute = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }
const db = (payload: Payload) => payload.db.drizzle as unknown as Execute

const intArray = (ids: number[]) => sql.raw(`array[${ids.map((id) => Math.trunc(id)).join(',')}]::int[]`)

async function studio(payload: Payload, slug: string): Promise<{ id: number; rooms: number[]; slug: string }> {
  const found = await payload.find({ collection: 'tenants', limit: 1, where: { slug: { equals: slug } } })
  const tenant =
    found.docs[0] ??
    (await payload.create({ collection: 'tenants', data: { name: `Scale ${slug}`, defaultCurrency: 'EUR', defaultLocale: 'en', slug, status: 'active', timezone: 'Europe/Paris' } }))
  const existingRooms = await payload.find({ collection: 'rooms', limit: 10, sort: 'id', where: { tenant: { equals: tenant.id } } })
  if (existingRooms.docs.length >= 3) return { id: tenant.id, rooms: existingRooms.docs.slice(0, 3).map((room) => room.id), slug }
  await payload.create({
    collection: 'booking-policies',
    data: {
      cancellationTiers: [{ noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 }],
      depositPercent: 30,
      depositType: 'percentage',
      holdMinutes: 30,
      isDefault: true,
      name: 'Standard',
      tenant: tenant.id,
    },
  })
  const rooms: number[] = []
  for (const name of ['one', 'two', 'three']) {
    const room = await payload.create({
      collection: 'rooms',
      data: {
        active: true,
        bufferMinutes: 0,
        capacity: 4,
        hourlyRate: 3000,
        leadTimeMinutes: 0,
        maxMinutes: 120,
        minMinutes: 60,
        name: `Room ${name}`,
        openingHours: WEEKDAYS.map((weekday) => ({ closes: '24:00', opens: '00:00', weekday })),
        slotStepMinutes: 30,
        slug: `${slug}-${name}`,
        tenant: tenant.id,
      },
    })
    rooms.push(room.id)
  }
  return { id: tenant.id, rooms, slug }
}

/** Whether this database already holds a seeded history (ATELIER_SCALE_DB keeps it between runs). */
async function seededRows(payload: Payload): Promise<number | undefined> {
  const { rows } = await db(payload).execute(sql`select to_regclass('bench_scale_seed') is not null as present`)
  if (!rows[0]?.present) return undefined
  const marker = await db(payload).execute(sql`select rows from bench_scale_seed limit 1`)
  return marker.rows[0] ? Number(marker.rows[0].rows) : undefined
}

/**
 * `rows` bookings in each studio (past ones over its 3 rooms, non-overlapping per room, plus 80 upcoming per
 * room), `rows / 10` sessions in each (200,000 in all at 1,000,000), a payment for one booking in five, and
 * `rows / 2` audit entries in each (1,000,000 in all) over the past year.
 */
export async function seedScale(payload: Payload, rows: number, log: (line: string) => void): Promise<ScaleWorld> {
  const a = await studio(payload, 'scale-a')
  const b = await studio(payload, 'scale-b')
  const admins = await payload.find({ collection: 'users', limit: 1, where: { email: { equals: ADMIN_EMAIL } } })
  const admin =
    admins.docs[0] ?? (await payload.create({ collection: 'users', data: { email: ADMIN_EMAIL, password: SCALE_PASSWORD, tenants: [{ role: 'admin', tenant: a.id }] } }))
  const world: ScaleWorld = { rooms: { a: a.rooms, b: b.rooms }, tenants: { a: { id: a.id, slug: a.slug }, b: { id: b.id, slug: b.slug } } }

  const already = await seededRows(payload)
  if (already === rows) {
    log(`seed: kept from an earlier run (${rows.toLocaleString('en')} bookings per studio)`)
    return world
  }
  if (already !== undefined) throw new Error(`This database was seeded with ${already} rows, not ${rows}: drop it or use another ATELIER_SCALE_DB`)

  const execute = async (label: string, query: unknown) => {
    const started = performance.now()
    await db(payload).execute(query)
    log(`seed: ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  for (const [tag, tenant] of [['A', a], ['B', b]] as const) {
    // Booking g goes to room g % 3 as that room's j-th: the first 80 upcoming (two a day, 10:00 and 15:00 UTC,
    // one hour), then past ones of 30 minutes every 40 minutes going back: never two in one room at once.
    await execute(
      `${rows.toLocaleString('en')} bookings in studio ${tag}`,
      sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency, amount_paid, created_at, updated_at)
        select ${tenant.id}, ${`SC${tag}-`} || g, (${intArray(tenant.rooms)})[1 + g % 3], 'Customer ' || (g % 50000), 'customer' || (g % 50000) || '@example.test',
          slot.start, slot.finish, slot.finish, slot.status::enum_bookings_status, (case when g % 2 = 0 then 'public' else 'staff' end)::enum_bookings_source,
          3000, 900, 'EUR', case when slot.status = 'completed' then 3000 else 0 end, slot.start - interval '3 days', slot.start - interval '3 days'
        from generate_series(0, ${rows - 1}) as g
        cross join lateral (select g / 3 as j) as position
        cross join lateral (
          select
            case when j < ${UPCOMING_PER_ROOM} then date_trunc('day', now()) + (1 + j / 2) * interval '1 day' + (10 + 5 * (j % 2)) * interval '1 hour'
              else date_trunc('day', now()) - (j - ${UPCOMING_PER_ROOM} + 1) * interval '40 minutes' end as start,
            case when j < ${UPCOMING_PER_ROOM} then date_trunc('day', now()) + (1 + j / 2) * interval '1 day' + (11 + 5 * (j % 2)) * interval '1 hour'
              else date_trunc('day', now()) - (j - ${UPCOMING_PER_ROOM} + 1) * interval '40 minutes' + interval '30 minutes' end as finish,
            case when j < ${UPCOMING_PER_ROOM} then 'confirmed' when j % 20 = 0 then 'cancelled' when j % 20 = 1 then 'expired' else 'completed' end as status
        ) as slot`,
    )
    const sessions = Math.max(1, Math.round(rows / 10))
    await execute(
      `${sessions.toLocaleString('en')} sessions in studio ${tag}`,
      sql`insert into sessions (tenant_id, room_id, start, "end", blocked_until, status, notes, created_at, updated_at)
        select ${tenant.id}, (${intArray(tenant.rooms)})[1 + g % 3], slot.start, slot.start + interval '2 hours', slot.start + interval '2 hours',
          (case when g % 10 = 0 then 'cancelled' else 'completed' end)::enum_sessions_status, 'Session ' || g, slot.start - interval '1 day', slot.start - interval '1 day'
        from generate_series(0, ${sessions - 1}) as g
        cross join lateral (select date_trunc('day', now()) - (g / 3 + 1) * interval '3 hours' as start) as slot`,
    )
    await execute(
      `payments for one booking in five in studio ${tag}`,
      sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at, amount_refunded, created_at, updated_at)
        select tenant_id, id, 'cs_scale_' || id, 900, 'EUR', (case when id % 50 = 0 then 'expired' else 'paid' end)::enum_payments_status,
          case when id % 50 = 0 then null else created_at + interval '2 minutes' end, 0, created_at, created_at
        from bookings where tenant_id = ${tenant.id} and id % 5 = 0`,
    )
    const entries = Math.round(rows / 2)
    // audit_logs is written only by writeAuditEntry and never updated: plain inserts, as the migrations allow.
    await execute(
      `${entries.toLocaleString('en')} audit entries in studio ${tag}`,
      sql`insert into audit_logs (action, collection, document_id, tenant_id, user_id, actor, ip, user_agent, risk_score, created_at, updated_at)
        select (array['create','update','update','view','login','logout','delete','permission_denied'])[1 + g % 8], 'bookings', (g % 100000)::text,
          ${tenant.id}, case when g % 4 = 0 then null else ${admin.id}::int end, 'bench', '10.0.' || (g / 250 % 250) || '.' || (g % 250), 'bench/1.0',
          case when g % 50 = 0 then 70 else 0 end, entry.at, entry.at
        from generate_series(0, ${entries - 1}) as g
        cross join lateral (select now() - g * (interval '365 days' / ${entries}) as at) as entry`,
    )
  }
  // VACUUM as well as ANALYZE: a long-lived table has been vacuumed, so its visibility map lets counts use
  // index-only scans; a table fresh from one bulk insert would make every count read the heap.
  for (const table of ['bookings', 'sessions', 'payments', 'audit_logs']) await execute(`vacuum analyze ${table}`, sql.raw(`vacuum analyze ${table}`))
  await db(payload).execute(sql`create table bench_scale_seed (rows integer not null, seeded_at timestamptz not null default now())`)
  await db(payload).execute(sql`insert into bench_scale_seed (rows) values (${rows})`)
  return world
}
