// A public booking keeps the converted price its customer was shown: computed by the server with the rates of
// the day the page used (or the newest), never with stale ones; the charge stays in the studio's currency.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant } from '../../payload-types'

import { book, createDefaultPolicy, createRoom, localSlot } from '../helpers/booking'
import { startEcbServer } from '../helpers/ecbServer'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Db = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

describe('a public booking’s shown price', () => {
  let app: TestApp
  let ecb: Awaited<ReturnType<typeof startEcbServer>>
  let operator: string
  let tenant: Tenant
  let roomId: number
  let day = 3
  const refresh = async () => expect((await app.rest.post('/currencies/rates/refresh', undefined, { token: operator })).status).toBe(200)
  // A two-hour slot at 30.00 EUR an hour: 60.00 EUR; each booking on a day of its own.
  const bookWith = (extra: Record<string, unknown>) => {
    day += 1
    return book(app.rest, { customer: { email: `c${day}@example.com`, name: 'Customer' }, end: localSlot(tenant, day, '12:00'), room: roomId, start: localSlot(tenant, day, '10:00'), tenant: tenant.slug, ...extra })
  }
  const bookingCount = async () => Number((await (app.payload.db.drizzle as unknown as Db).execute(sql`select count(*) as n from bookings`)).rows[0]!.n)

  beforeAll(async () => {
    ecb = await startEcbServer({ date: daysAgo(8), file: 'daily-2026-12-04.xml' })
    app = await startTestApp({ ATELIER_RATES_URL: ecb.url })
    operator = await app.rest.login((await createUser(app.payload, [], { superAdmin: true })).email, PASSWORD)
    tenant = await createTenant(app.payload)
    roomId = (await createRoom(app.payload, tenant)).id
    await createDefaultPolicy(app.payload, tenant)
    await refresh() // eight days ago: too old to show today
    ecb.serve({ date: daysAgo(1), file: 'daily-2026-12-04.xml' })
    await refresh() // yesterday: CAD 1.4785
    ecb.serve({ date: daysAgo(0), file: 'daily-2026-12-07.xml' })
    await refresh() // today: CAD 1.4820
  })

  afterAll(async () => {
    await app?.close()
    await ecb?.close()
  })

  it('stores what the customer saw, converted by the server with the page’s rates or the newest', async () => {
    const newest = await bookWith({ display: { currency: 'CAD' } })
    expect(newest.status).toBe(201)
    // 60.00 EUR × 1.4820 = 88.92 CAD, charged in EUR all the same.
    expect(newest.body).toMatchObject({ currency: 'EUR', display: { amount: 8892, currency: 'CAD', rate: '1.482', rateDate: daysAgo(0) }, price: 6000 })

    const pageRates = await bookWith({ display: { currency: 'CAD', rateDate: daysAgo(1) } })
    expect(pageRates.body).toMatchObject({ display: { amount: 8871, currency: 'CAD', rate: '1.4785', rateDate: daysAgo(1) }, price: 6000 })

    // Staff see the same snapshot on the booking, and the customer's page shows it back.
    const stored = (await app.payload.find({ collection: 'bookings', depth: 0, where: { ref: { equals: pageRates.body.ref } } })).docs[0]!
    expect(stored.display).toEqual({ amount: 8871, currency: 'CAD', rate: '1.4785', rateDate: daysAgo(1) })
    const page = await app.rest.get(`/public/booking/${pageRates.body.ref}`, { headers: { 'X-Booking-Token': pageRates.body.accessToken } })
    expect(((await page.json()) as { display: unknown }).display).toEqual({ amount: 8871, currency: 'CAD', rate: '1.4785', rateDate: daysAgo(1) })
  })

  it('drops the snapshot when staff move the booking to another price: it showed the old one', async () => {
    const made = await bookWith({ display: { currency: 'CAD' } })
    const stored = (await app.payload.find({ collection: 'bookings', depth: 0, where: { ref: { equals: made.body.ref } } })).docs[0]!
    const longer = await app.payload.update({ collection: 'bookings', data: { end: localSlot(tenant, day, '13:00') }, id: stored.id })
    expect(longer.price).toBe(9000)
    expect(longer.display?.currency ?? null).toBeNull()
  })

  it('keeps no snapshot for the studio’s own currency or without a choice', async () => {
    expect((await bookWith({ display: { currency: 'EUR' } })).body).toMatchObject({ display: null, price: 6000 })
    expect((await bookWith({})).body).toMatchObject({ display: null })
  })

  it('refuses a currency nobody could have been shown, and writes nothing', async () => {
    const before = await bookingCount()
    for (const display of [{ currency: 'KWD' }, { currency: 'cad' }, { currency: 'CAD', rateDate: '2999-01-01' }, { currency: 'CAD', rateDate: 'yesterday' }, { amount: 1, currency: 'CAD' }]) {
      const answer = await bookWith({ display })
      expect(answer.status, JSON.stringify(display)).toBe(400)
      expect(answer.body.errors?.[0]?.path, JSON.stringify(display)).toMatch(/^display/)
    }
    expect(await bookingCount()).toBe(before)
  })

  it('books without a snapshot when the rates are stale: the page showed no conversion either', async () => {
    // The page names a day whose closest rates are eight days old.
    const staleDay = daysAgo(6)
    const stale = await bookWith({ display: { currency: 'CAD', rateDate: staleDay } })
    expect(stale.status).toBe(201)
    expect(stale.body).toMatchObject({ display: null, price: 6000 })
  })
})
