// Exchange rates end to end: the refresh reads the ECB's daily file from a loopback server (fixture files, their
// day moved where a test needs it), stores it whole or not at all, and conversions use it, never stale.
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { auditEntries } from '../helpers/auditEntries'
import { type Served, startEcbServer } from '../helpers/ecbServer'
import { createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

type Db = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

describe('exchange rates: refresh, convert, the stale guard', () => {
  let app: TestApp
  let ecb: Awaited<ReturnType<typeof startEcbServer>>
  let operator: string
  const db = () => app.payload.db.drizzle as unknown as Db
  const rowCount = async () => Number((await db().execute(sql`select count(*) as n from exchange_rates`)).rows[0]!.n)
  const refresh = () => app.rest.post('/currencies/rates/refresh', undefined, { token: operator })
  const convert = async (body: unknown) => {
    const response = await app.rest.post('/currencies/convert', body)
    return { body: (await response.json()) as Record<string, unknown>, status: response.status }
  }

  beforeAll(async () => {
    ecb = await startEcbServer()
    app = await startTestApp({ ATELIER_RATES_URL: ecb.url })
    operator = await app.rest.login((await createUser(app.payload, [], { superAdmin: true })).email, PASSWORD)
  })

  afterAll(async () => {
    await app?.close()
    await ecb?.close()
  })

  it('stores a day whole, exactly as published; the same day twice changes nothing', async () => {
    const first = await refresh()
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ date: '2026-12-04', inserted: 29 })
    const gbp = await db().execute(sql`select rate::text as rate from exchange_rates where date = '2026-12-04' and currency = 'GBP'`)
    expect(gbp.rows[0]!.rate).toBe('0.84530')
    expect(await (await refresh()).json()).toEqual({ date: '2026-12-04', inserted: 0 })
    expect(await rowCount()).toBe(29)
    expect((await auditEntries(app.payload, { action: { equals: 'rates_refreshed' } })).map((entry) => entry.details)).toEqual([{ date: '2026-12-04', inserted: 29, provider: 'ecb' }])
  })

  it('keeps the old rates on a bad answer, says 502, logs and audits why', async () => {
    for (const bad of [{ status: 500 }, { file: 'malformed.xml' }, { file: 'missing-jpy.xml', date: '2026-12-03' }, { file: 'negative-rate.xml', date: '2026-12-02' }] as Served[]) {
      ecb.serve(bad)
      const response = await refresh()
      expect(response.status, JSON.stringify(bad)).toBe(502)
      expect(((await response.json()) as { code: string }).code).toBe('rates_refresh_failed')
    }
    expect(await rowCount()).toBe(29)
    const failures = await auditEntries(app.payload, { action: { equals: 'rates_refresh_failed' } })
    expect(failures.map((entry) => String((entry.details as { reason: string }).reason))).toEqual([
      expect.stringContaining('HTTP 500'),
      expect.stringContaining('XML'),
      expect.stringContaining('JPY'),
      expect.stringContaining('GBP'),
    ])
  })

  it('the scheduled job, run twice on one provider day, keeps one set of rows', async () => {
    ecb.serve({ date: '2026-11-27', file: 'daily-2026-12-04.xml' })
    for (let run = 0; run < 2; run += 1) {
      await app.payload.jobs.queue({ input: {}, queue: 'rates', task: 'refreshExchangeRates' })
      await app.payload.jobs.run({ queue: 'rates' })
    }
    expect(Number((await db().execute(sql`select count(*) as n from exchange_rates where date = '2026-11-27'`)).rows[0]!.n)).toBe(29)
    ecb.serve({ file: 'daily-2026-12-04.xml' })
  })

  it('the stale guard follows a clock moved across the boundary, over the stored rates', async () => {
    // The newest rates here are 2026-12-04's (stored by the first test); four days later is the last day allowed.
    const { convertAmount } = await import('../../plugins/currency')
    const request = { amount: 8000, from: 'EUR', to: 'USD' }
    await expect(convertAmount(app.payload, request, new Date('2026-12-08T23:59:59Z'))).resolves.toMatchObject({ rateDate: '2026-12-04' })
    await expect(convertAmount(app.payload, request, new Date('2026-12-09T00:00:00Z'))).rejects.toMatchObject({ status: 409 })
  })

  it('lets only operators refresh', async () => {
    expect((await app.rest.post('/currencies/rates/refresh')).status).toBe(401)
    const member = await app.rest.login((await createUser(app.payload, [])).email, PASSWORD)
    expect((await app.rest.post('/currencies/rates/refresh', undefined, { token: member })).status).toBe(403)
  })

  it('converts through EUR, half-even at the target’s minor unit; a past day uses the closest earlier rates', async () => {
    ecb.serve({ file: 'daily-2026-12-07.xml' })
    expect((await refresh()).status).toBe(200)
    // Saturday the 5th has no rates of its own: Friday's. 80.00 EUR × 1.0512 = 84.096 USD → 84.10.
    expect(await convert({ amount: 8000, date: '2026-12-05', from: 'EUR', to: 'USD' })).toEqual({
      body: { amount: 8410, currency: 'USD', provider: 'ecb', rate: '1.0512', rateDate: '2026-12-04' },
      status: 200,
    })
    // USD → JPY on the 4th: 100.00 USD × 162.45 / 1.0512 = 15453.767… JPY → 15454.
    expect((await convert({ amount: 10000, date: '2026-12-04', from: 'USD', to: 'JPY' })).body).toMatchObject({ amount: 15454, rateDate: '2026-12-04' })
    expect((await convert({ amount: 0, date: '2026-12-04', from: 'GBP', to: 'CHF' })).body).toMatchObject({ amount: 0 })
  })

  it('refuses rates older than the allowed age, on both sides of the boundary', async () => {
    // Whatever day the test runs: only the days served here.
    await db().execute(sql`delete from exchange_rates`)
    // Rates of five days ago as the newest: one day too old (the default is 4).
    ecb.serve({ date: daysAgo(5), file: 'daily-2026-12-04.xml' })
    expect((await refresh()).status).toBe(200)
    const stale = await convert({ amount: 8000, from: 'EUR', to: 'USD' })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ code: 'rates_stale', rateDate: daysAgo(5) })
    // Four days old: still allowed.
    ecb.serve({ date: daysAgo(4), file: 'daily-2026-12-07.xml' })
    expect((await refresh()).status).toBe(200)
    expect(await convert({ amount: 8000, from: 'EUR', to: 'USD' })).toMatchObject({ body: { amount: 8438, rateDate: daysAgo(4) }, status: 200 })
    const rates = (await (await app.rest.get('/currencies/rates?base=USD')).json()) as { base: string; date: string; rates: Record<string, string>; stale: boolean }
    expect(rates).toMatchObject({ base: 'USD', date: daysAgo(4), stale: false })
    expect(rates.rates.USD).toBe('1')
    expect(rates.rates.EUR).toBe('0.948136911')
  })

  it('answers bad input with 4xx in the one error shape, never 500', async () => {
    const bodies: unknown[] = [
      { amount: 100, from: 'XXX', to: 'EUR' },
      { amount: 100, from: 'EUR', to: 'KWD' }, // inactive
      { amount: -1, from: 'EUR', to: 'USD' },
      { amount: 1.5, from: 'EUR', to: 'USD' },
      { amount: 2 ** 53, from: 'EUR', to: 'USD' },
      { amount: 100, date: '2026-13-45', from: 'EUR', to: 'USD' },
      { amount: 100, date: '2999-01-01', from: 'EUR', to: 'USD' },
      { amount: '100', from: 'EUR', to: 'USD' },
      { amount: 100, from: 'eur', to: 'USD', extra: true },
      'not json',
    ]
    for (const body of bodies) {
      const { body: answer, status } = await convert(body)
      expect([400, 409], JSON.stringify(body)).toContain(status)
      expect(Array.isArray(answer.errors), JSON.stringify(body)).toBe(true)
    }
    // A result beyond exact integers is the caller's amount's fault: 400 on `amount`, not a 500.
    const huge = await convert({ amount: Number.MAX_SAFE_INTEGER, from: 'EUR', to: 'JPY' })
    expect(huge).toMatchObject({ body: { code: 'amount_too_large', errors: [{ path: 'amount' }] }, status: 400 })
    for (const query of ['base=XXX', 'date=yesterday', 'date=1999-01-01', 'other=1']) {
      const status = (await app.rest.get(`/currencies/rates?${query}`)).status
      expect([400, 404], query).toContain(status)
    }
  })

  it('holds each person’s display currency, an active one or none', async () => {
    const person = await createUser(app.payload, [])
    const token = await app.rest.login(person.email, PASSWORD)
    const put = (currency: unknown, as = token) => app.rest.request('PUT', '/user/currency', { body: { currency }, token: as })
    expect(await (await app.rest.get('/user/currency', { token })).json()).toEqual({ currency: null })
    expect((await put('CAD')).status).toBe(200)
    expect(await (await app.rest.get('/user/currency', { token })).json()).toEqual({ currency: 'CAD' })
    // A preference only the person may read leaves no audit entry for a studio to read it from.
    expect(await auditEntries(app.payload, { and: [{ collection: { equals: 'users' } }, { documentId: { equals: String(person.id) } }, { action: { equals: 'update' } }] })).toEqual([])
    for (const bad of ['XXX', 'KWD', 'cad', 12]) expect((await put(bad)).status, String(bad)).toBe(400)
    expect((await app.rest.get('/user/currency')).status).toBe(401)
    // Another person reads nothing of it.
    const other = await app.rest.login((await createUser(app.payload, [])).email, PASSWORD)
    const seen = (await (await app.rest.get(`/users/${person.id}?depth=0`, { token: other })).json()) as { displayCurrency?: string }
    expect(seen.displayCurrency).toBeUndefined()
    expect((await put(null)).status).toBe(200)
  })

  it('lists the active currencies to anyone, with their exponents', async () => {
    const { docs } = (await (await app.rest.get('/currencies?limit=100&depth=0')).json()) as { docs: { active: boolean; code: string; exponent: number }[] }
    expect(docs.every((currency) => currency.active)).toBe(true)
    expect(docs.find((currency) => currency.code === 'JPY')?.exponent).toBe(0)
    expect(docs.some((currency) => currency.code === 'KWD')).toBe(false)
  })
})
