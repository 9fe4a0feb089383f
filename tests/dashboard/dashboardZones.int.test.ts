// The dashboard's aggregates at fixed instants across Los Angeles' DST changes (2026-03-08 02:00 → 03:00,
// 2026-11-01 02:00 → 01:00): a 23-hour day, a month boundary that UTC would put elsewhere, and a week's
// opening minutes an hour short or long. Rows are written with SQL, since these bookings lie in the past.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Room, Tenant } from '../../payload-types'

import { bookingCounts, bookingsPerDay, occupancyByRoom, revenuePerMonth, sessionsAndRooms } from '../../plugins/dashboard/services/dashboardQueries'
import { poolDb } from '../../utilities/transactionDb'
import { createRoom } from '../helpers/booking'
import { createTenant } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const EVERY_DAY = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
// Sunday 2026-03-08, 20:00 in Los Angeles (PDT since 03:00 that morning).
const SPRING_SUNDAY_EVENING = new Date('2026-03-08T20:00:00-07:00')

describe('dashboard aggregates across DST in America/Los_Angeles', () => {
  let app: TestApp
  let tenant: Tenant
  let room: Room
  const db = () => poolDb(app.payload)
  const run = async (query: SQL) => ((await db().execute(query)) as { rows: { id: number }[] }).rows

  const insertBooking = async (ref: string, start: string, minutes: number, status: string) => {
    const [row] = await run(sql`insert into bookings (tenant_id, ref, room_id, customer_name, customer_email, start, "end", blocked_until, status, source, price, deposit, currency)
      values (${tenant.id}, ${ref}, ${room.id}, 'Guest', 'guest@example.com', ${start}::timestamptz, ${start}::timestamptz + ${`${minutes} minutes`}::interval,
        ${start}::timestamptz + ${`${minutes} minutes`}::interval, ${status}::enum_bookings_status, 'staff', 3000, 900, 'USD') returning id`)
    return row!.id
  }

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload, { defaultCurrency: 'USD', timezone: 'America/Los_Angeles' })
    room = await createRoom(app.payload, tenant, { bufferMinutes: 0, openingHours: EVERY_DAY.map((weekday) => ({ closes: '24:00', opens: '00:00', weekday })) })
    const booking = await insertBooking('DST-1', '2026-03-07T23:30:00-08:00', 60, 'confirmed') // Saturday, just before midnight
    await insertBooking('DST-2', '2026-03-08T00:30:00-08:00', 30, 'confirmed') // Sunday, just after midnight
    await insertBooking('DST-3', '2026-03-08T23:30:00-07:00', 60, 'pending') // Sunday night, runs into Monday
    await insertBooking('DST-4', '2026-03-09T00:30:00-07:00', 30, 'confirmed') // Monday: next week
    await insertBooking('DST-5', '2026-03-08T12:00:00-07:00', 60, 'cancelled')
    const [payment] = await run(sql`insert into payments (tenant_id, booking_id, checkout_session_id, amount, currency, status, paid_at) values
        (${tenant.id}, ${booking}, 'cs_feb', 1500, 'USD', 'paid', '2026-02-28T23:30:00-08:00'),
        (${tenant.id}, ${booking}, 'cs_mar', 2500, 'USD', 'paid', '2026-03-01T00:30:00-08:00'),
        (${tenant.id}, ${booking}, 'cs_open', 9900, 'USD', 'open', '2026-03-02T12:00:00-08:00') returning id`)
    await db().execute(sql`insert into refunds (tenant_id, payment_id, booking_id, idempotency_key, amount, currency, reason, status, created_at) values
      (${tenant.id}, ${payment!.id}, ${booking}, 'dst-refund', 500, 'USD', 'staff', 'succeeded', '2026-03-05T10:00:00-08:00'),
      (${tenant.id}, ${payment!.id}, ${booking}, 'dst-refund-failed', 700, 'USD', 'staff', 'failed', '2026-03-05T11:00:00-08:00')`)
    await db().execute(sql`insert into sessions (tenant_id, room_id, start, "end", blocked_until, status) values
      (${tenant.id}, ${room.id}, '2026-03-08T19:30:00-07:00', '2026-03-08T20:30:00-07:00', '2026-03-08T20:30:00-07:00', 'in_progress'),
      (${tenant.id}, ${room.id}, '2026-03-08T19:00:00-07:00', '2026-03-08T21:00:00-07:00', '2026-03-08T21:00:00-07:00', 'cancelled')`)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('counts a 23-hour day and its week by local midnights', async () => {
    expect(await bookingCounts(db(), tenant.id, SPRING_SUNDAY_EVENING)).toEqual({ pending: 1, thisWeek: 3, today: 2 })
    expect(await sessionsAndRooms(db(), tenant.id, SPRING_SUNDAY_EVENING)).toEqual({ rooms: 1, sessionsNow: 1 })
  })

  it('puts each booking on its local date in the 30-day series', async () => {
    const days = await bookingsPerDay(db(), tenant.id, SPRING_SUNDAY_EVENING)
    expect(days).toHaveLength(30)
    expect(days[0]).toEqual({ count: 0, date: '2026-02-07' })
    expect(days.slice(-2)).toEqual([
      { count: 1, date: '2026-03-07' },
      { count: 2, date: '2026-03-08' },
    ])
  })

  it('puts a payment made before local midnight on 1 March in February', async () => {
    const months = await revenuePerMonth(db(), tenant.id, SPRING_SUNDAY_EVENING)
    expect(months.map(({ month }) => month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'])
    expect(months.slice(-2)).toEqual([
      { amounts: [{ amount: 1500, currency: 'USD' }], month: '2026-02' },
      { amounts: [{ amount: 2000, currency: 'USD' }], month: '2026-03' },
    ])
  })

  it('opens a week an hour short in spring and an hour long in autumn', async () => {
    // Booked: DST-1 60 + DST-2 30 + DST-3 clipped to Monday 00:00 (30); open every day round the clock.
    expect(await occupancyByRoom(db(), tenant.id, SPRING_SUNDAY_EVENING)).toEqual([
      { bookedMinutes: 120, openMinutes: 7 * 1440 - 60, ratio: 0.012, room: { id: room.id, name: room.name } },
    ])
    const [autumn] = await occupancyByRoom(db(), tenant.id, new Date('2026-11-01T12:00:00-08:00'))
    expect(autumn).toMatchObject({ bookedMinutes: 0, openMinutes: 7 * 1440 + 60, ratio: 0 })
  })
})
