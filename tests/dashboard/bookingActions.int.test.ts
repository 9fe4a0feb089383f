// GET /api/bookings/:id/actions: what the booking's document view offers, by permission and status, with the
// cancellation's refund quote, what remains refundable, and the status history from the audit log.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Booking, Room, Tenant } from '../../payload-types'
import type { BookingActionsAnswer } from '../../plugins/dashboard/services/bookingActions'

import { createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Db = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }

describe('booking actions: GET /api/bookings/:id/actions', () => {
  let app: TestApp
  let tenant: Tenant
  let room: Room
  let owner: { email: string; token: string }
  let staffToken: string
  let day = 10
  const db = () => app.payload.db.drizzle as unknown as Db

  const actionsOf = async (id: number | string, token?: string) => {
    const response = await app.rest.get(`/bookings/${id}/actions`, token ? { token } : {})
    return { body: (await response.json()) as BookingActionsAnswer & { code?: string; errors?: unknown[] }, status: response.status }
  }
  const newBooking = (): Promise<Booking> => {
    day += 1
    return app.payload.create({
      collection: 'bookings',
      data: { customer: { email: 'guest@example.com', name: 'Guest' }, end: localSlot(tenant, day, '12:00'), room: room.id, start: localSlot(tenant, day, '10:00'), status: 'pending', tenant: tenant.id },
    })
  }

  beforeAll(async () => {
    app = await startTestApp()
    tenant = await createTenant(app.payload, { defaultCurrency: 'EUR', timezone: 'Europe/Paris' })
    await createDefaultPolicy(app.payload, tenant)
    room = await createRoom(app.payload, tenant, { leadTimeMinutes: 0 })
    const ownerUser = await createUser(app.payload, [{ role: 'owner', tenant }])
    owner = { email: ownerUser.email, token: await app.rest.login(ownerUser.email, PASSWORD) }
    staffToken = await app.rest.login((await createUser(app.payload, [{ role: 'staff', tenant }])).email, PASSWORD)
  })

  afterAll(async () => {
    await app?.close()
  })

  it('offers the owner confirm and cancel on a pending booking (convert comes once confirmed), with the refund a cancellation gives now', async () => {
    const booking = await newBooking()
    // Half of the deposit paid more than 7 days ahead: the first tier refunds all of it.
    await db().execute(sql`update bookings set amount_paid = 900 where id = ${booking.id}`)
    const { body, status } = await actionsOf(booking.id, owner.token)
    expect(status).toBe(200)
    expect(body.status).toBe('pending')
    expect(body.currency).toBe('EUR')
    expect(body.timezone).toBe('Europe/Paris')
    expect(body.actions.confirm).toBe(true)
    expect(body.actions.convert).toBeUndefined()
    expect(body.actions.cancel?.quote).toMatchObject({ currency: 'EUR', paid: 900, refundAmount: 900, refundPercent: 100 })
    // No paid payment: nothing to refund.
    expect(body.actions.refund).toBeUndefined()
  })

  it('follows the status: a confirmed booking cannot be confirmed again, a cancelled one offers nothing', async () => {
    const booking = await newBooking()
    expect((await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: owner.token })).status).toBe(200)
    const confirmed = (await actionsOf(booking.id, owner.token)).body
    expect(confirmed.status).toBe('confirmed')
    expect(confirmed.actions.confirm).toBeUndefined()
    expect(confirmed.actions.cancel).toBeDefined()
    expect(confirmed.actions.convert).toBe(true)
    expect((await app.rest.post(`/bookings/${booking.id}/cancel`, undefined, { token: owner.token })).status).toBe(200)
    const cancelled = (await actionsOf(booking.id, owner.token)).body
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.actions).toEqual({})
  })

  it('tells the history from the audit log: created, then each change, naming members only, never an operator', async () => {
    const booking = await newBooking()
    await app.rest.post(`/bookings/${booking.id}/confirm`, undefined, { token: owner.token })
    const operator = await createUser(app.payload, [], { superAdmin: true })
    await app.rest.post(`/bookings/${booking.id}/convert`, undefined, { token: await app.rest.login(operator.email, PASSWORD) })
    const { history } = (await actionsOf(booking.id, owner.token)).body
    expect(history.map(({ by, email, from, to }) => ({ by, email, from, to }))).toEqual([
      { by: 'not_signed_in', email: null, from: null, to: 'pending' },
      { by: 'member', email: owner.email, from: 'pending', to: 'confirmed' },
      { by: 'operator', email: null, from: 'confirmed', to: 'converted' },
    ])
    expect(history.every((change) => !Number.isNaN(Date.parse(change.at)))).toBe(true)
  })

  it('offers a refund capped at what remains of the paid payment, to payments:refund holders only', async () => {
    const booking = await newBooking()
    await db().execute(sql`insert into payments (tenant_id, booking_id, checkout_session_id, payment_intent_id, amount, amount_refunded, currency, status, paid_at)
      values (${tenant.id}, ${booking.id}, ${`cs_actions_${booking.id}`}, ${`pi_actions_${booking.id}`}, 1800, 500, 'EUR', 'paid', now())`)
    expect((await actionsOf(booking.id, owner.token)).body.actions.refund).toEqual({ currency: 'EUR', remaining: 1300 })
    // Staff confirm, convert and cancel, but do not hold payments:refund.
    const staffView = (await actionsOf(booking.id, staffToken)).body
    expect(staffView.actions.refund).toBeUndefined()
    expect(staffView.actions.cancel).toBeDefined()
  })

  it('answers 401 signed out, 404 without bookings:read or in another studio (one answer for both), 400 for a bad id', async () => {
    const booking = await newBooking()
    expect((await actionsOf(booking.id)).status).toBe(401)
    const editor = await app.rest.login((await createUser(app.payload, [{ role: 'editor', tenant }])).email, PASSWORD)
    expect((await actionsOf(booking.id, editor)).status).toBe(404)
    const elsewhere = await createTenant(app.payload)
    const neighbour = await app.rest.login((await createUser(app.payload, [{ role: 'owner', tenant: elsewhere }])).email, PASSWORD)
    const foreign = await actionsOf(booking.id, neighbour)
    expect(foreign.status).toBe(404)
    expect(JSON.stringify(foreign.body)).not.toContain(booking.ref)
    const bad = await actionsOf('nope', owner.token)
    expect(bad.status).toBe(400)
    expect(bad.body.errors).toBeDefined()
  })
})
