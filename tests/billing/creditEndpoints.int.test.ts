// What owners read about AI credits over REST: the month's figures in the studio's zone, the history (pages,
// filters, CSV), the packs on sale; and who may read them, and what bad input gets.
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { zonedDateTimeToInstant } from '../../plugins/booking/services/zonedTime'
import { holdCredits, settleCredits, spendCredits } from '../../plugins/billing'
import { addPurchasedCredits, grantCredits } from '../../plugins/billing/services/credits'
import { poolDb } from '../../utilities/transactionDb'
import { parseCsv } from '../helpers/csv'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

// UTC+14: its month starts ten hours before UTC's, so a UTC month would count other entries.
const ZONE = 'Pacific/Kiritimati'
const DAY_MS = 86_400_000

type Entry = { amount: number; kind: string; reference: string; user: { email: string; id: number; name: string } | null }
type Page = { docs: Entry[]; limit: number; page: number; totalDocs: number; totalPages: number }

const localMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date()).slice(0, 7)

describe('AI credits over REST', () => {
  let app: TestApp
  let studio: Tenant
  let other: Tenant
  let alice: User
  let bob: User
  let ownerToken: string
  let staffToken: string
  let otherOwnerToken: string
  let monthStart: Date
  let grantExpiresAt: Date

  const get = async <Body>(path: string, token = ownerToken) => {
    const response = await app.rest.get(path, { token })
    return { body: (await response.json()) as Body, status: response.status }
  }
  const history = async (query: string) => {
    const { body, status } = await get<Page>(`/billing/credits/history?tenant=${studio.id}&${query}`)
    expect(status).toBe(200)
    return body
  }
  const rawEntry = (kind: string, amount: number, reference: string, at: Date, user: null | number) =>
    poolDb(app.payload).execute(sql`insert into credit_ledger (tenant_id, kind, amount, user_id, reference, created_at, updated_at)
      values (${studio.id}, ${kind}, ${amount}, ${user}, ${reference}, ${at.toISOString()}, now())`)

  beforeAll(async () => {
    app = await startTestApp()
    studio = await createTenant(app.payload, { name: 'Kiritimati Studio', timezone: ZONE })
    other = await createTenant(app.payload, { defaultLocale: 'fr', name: 'Autre Studio' })
    const owner = await createUser(app.payload, [{ role: 'owner', tenant: studio }], { name: 'Olive Owner' })
    alice = await createUser(app.payload, [{ role: 'staff', tenant: studio }], { name: 'Alice Artist' })
    bob = await createUser(app.payload, [{ role: 'staff', tenant: studio }], { name: 'Bob Booker' })
    const otherOwner = await createUser(app.payload, [{ role: 'owner', tenant: other }])
    ownerToken = await app.rest.login(owner.email, PASSWORD)
    staffToken = await app.rest.login(alice.email, PASSWORD)
    otherOwnerToken = await app.rest.login(otherOwner.email, PASSWORD)
    monthStart = zonedDateTimeToInstant(`${localMonth()}-01`, '00:00', ZONE)
    grantExpiresAt = new Date(Date.now() + 20 * DAY_MS)

    // Just either side of the studio's month start, written directly (the wallet ignores them).
    await rawEntry('spend', -7, 'old-1', new Date(monthStart.getTime() - 60_000), alice.id)
    await rawEntry('spend', -1, 'early-1', new Date(monthStart.getTime() + 3_600_000), bob.id)
    const req = await createLocalReq({}, app.payload)
    await grantCredits(req, { amount: 100, expiresAt: new Date(Date.now() + 30 * DAY_MS), reference: 'in_grant_1', tenant: studio.id })
    await addPurchasedCredits(req, { amount: 50, reference: 'pi_pack_1', tenant: studio.id, user: owner.id })
    await spendCredits(req, { amount: 10, reference: 'ai-a1', tenant: studio.id, user: alice.id })
    await spendCredits(req, { amount: 5, note: '=1+2', reference: '@risky', tenant: studio.id, user: bob.id })
    await holdCredits(req, { amount: 8, reference: 'ai-a2', tenant: studio.id, user: alice.id })
    await settleCredits(req, { actual: 3, reference: 'ai-a2', tenant: studio.id, user: alice.id })
    await spendCredits(req, { amount: 2, reference: 'ai-none', tenant: studio.id })
    // The next period: the 80 left of the first grant expire.
    await grantCredits(req, { amount: 10, expiresAt: grantExpiresAt, reference: 'in_grant_2', tenant: studio.id })
  })
  afterAll(async () => {
    await app.close()
  })

  it('sums this month in the studio’s zone, and who spent what (net of unused holds)', async () => {
    const { body, status } = await get<Record<string, unknown>>('/billing/credits')
    expect(status).toBe(200)
    expect(body).toEqual({
      balance: 60,
      grant: { expiresAt: grantExpiresAt.toISOString(), remaining: 10 },
      month: { expired: 80, granted: 110, purchased: 50, refunded: 5, spent: 26, start: monthStart.toISOString() },
      spendByUser: [
        { spent: 13, user: { email: alice.email, id: alice.id, name: 'Alice Artist' } },
        { spent: 6, user: { email: bob.email, id: bob.id, name: 'Bob Booker' } },
        { spent: 2, user: null },
      ],
    })
    const empty = await get<Record<string, unknown>>(`/billing/credits?tenant=${other.id}`, otherOwnerToken)
    expect(empty.body).toMatchObject({ balance: 0, grant: { expiresAt: null, remaining: 0 }, month: { spent: 0 }, spendByUser: [] })
  })

  it('pages the history newest first and filters it by kind, member and time', async () => {
    const first = await history('limit=4')
    expect(first).toMatchObject({ limit: 4, page: 1, totalDocs: 11, totalPages: 3 })
    expect(first.docs.map((entry) => [entry.kind, entry.amount])).toEqual([['grant', 10], ['expire', -80], ['spend', -2], ['refund', 5]])
    expect(first.docs[3]!.user).toEqual({ email: alice.email, id: alice.id, name: 'Alice Artist' })
    expect(first.docs[2]!.user).toBeNull()
    const last = await history('limit=4&page=3')
    expect(last.docs.map((entry) => entry.reference)).toEqual(['in_grant_1', 'early-1', 'old-1'])
    expect((await history('page=9')).docs).toEqual([])

    expect((await history('kind=spend')).totalDocs).toBe(6)
    expect((await history(`user=${alice.id}`)).docs.map((entry) => entry.reference)).toEqual(['ai-a2', 'ai-a2', 'ai-a1', 'old-1'])
    expect((await history(`kind=refund&user=${alice.id}`)).totalDocs).toBe(1)
    const start = encodeURIComponent(monthStart.toISOString())
    expect((await history(`from=${start}`)).totalDocs).toBe(10)
    expect((await history(`to=${start}`)).docs.map((entry) => entry.reference)).toEqual(['old-1'])
    // A plain date is midnight where the studio is, not in UTC.
    expect((await history(`from=${localMonth()}-01`)).totalDocs).toBe(10)
    expect((await history(`to=${localMonth()}-01&kind=spend`)).totalDocs).toBe(1)
  })

  it('exports the filtered history as a CSV attachment whose text cannot run as a formula', async () => {
    const response = await app.rest.get('/billing/credits/history?format=csv', { token: ownerToken })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="credit-history.csv"')
    const rows = parseCsv(await response.text())
    expect(rows[0]).toEqual(['id', 'createdAt', 'kind', 'amount', 'fromGrant', 'userId', 'userName', 'userEmail', 'reference', 'note', 'expiresAt'])
    expect(rows).toHaveLength(12)
    expect(rows.find((row) => row[6] === 'Bob Booker' && row[3] === '-5')).toEqual(expect.arrayContaining(["'@risky", "'=1+2", bob.email]))
    const refunds = parseCsv(await (await app.rest.get('/billing/credits/history?format=csv&kind=refund', { token: ownerToken })).text())
    expect(refunds.map((row) => row[2])).toEqual(['kind', 'refund'])
  })

  it('streams every entry of a long history, in batches, with no cap', async () => {
    // 2,500 entries, ten to each instant: the keyset must step over ties without losing or repeating one.
    await poolDb(app.payload).execute(sql`insert into credit_ledger (tenant_id, kind, amount, reference, created_at, updated_at)
      select ${other.id}, 'spend', -1, 'bulk-' || n, now() - make_interval(secs => n / 10), now() from generate_series(1, 2500) n`)
    const response = await app.rest.get(`/billing/credits/history?tenant=${other.id}&format=csv`, { token: otherOwnerToken })
    const rows = parseCsv(await response.text()).slice(1)
    expect(rows).toHaveLength(2500)
    expect(new Set(rows.map((row) => row[8])).size).toBe(2500)
    const times = rows.map((row) => Date.parse(row[1]!))
    expect(times.every((time, index) => index === 0 || time <= times[index - 1]!)).toBe(true)
    expect((await get<Page>(`/billing/credits/history?tenant=${other.id}&limit=200`, otherOwnerToken)).body).toMatchObject({ totalDocs: 2500, totalPages: 13 })
  })

  it('lists the active packs, cheapest first, named in the asked or the studio’s language', async () => {
    await app.payload.create({ collection: 'credit-packs', data: { name: 'Retired pack', active: false, credits: 5, currency: 'EUR', price: 100 } })
    const english = await get<{ packs: unknown[] }>('/billing/credits/packs')
    expect(english.status).toBe(200)
    expect(english.body.packs).toEqual([
      { credits: 100, currency: 'EUR', id: expect.any(Number), name: '100 AI credits', price: 900 },
      { credits: 500, currency: 'EUR', id: expect.any(Number), name: '500 AI credits', price: 3900 },
      { credits: 2000, currency: 'EUR', id: expect.any(Number), name: '2,000 AI credits', price: 12900 },
    ])
    expect((await get<{ packs: { name: string }[] }>('/billing/credits/packs?locale=fr')).body.packs[0]!.name).toBe('100 crédits IA')
    expect((await get<{ packs: { name: string }[] }>('/billing/credits/packs', otherOwnerToken)).body.packs[0]!.name).toBe('100 crédits IA')
  })

  it('answers 401 signed out, 403 without billing:read, 404 for another studio, and keeps each ledger to its studio', async () => {
    const paths = ['/billing/credits', '/billing/credits/packs', '/billing/credits/history', '/billing/credits/history?format=csv']
    const withTenant = (path: string, tenant: Tenant) => `${path}${path.includes('?') ? '&' : '?'}tenant=${tenant.id}`
    for (const path of paths) {
      const anonymous = await app.rest.get(withTenant(path, studio))
      expect(anonymous.status).toBe(401)
      expect(await anonymous.json()).toEqual({ errors: [{ message: expect.any(String) }] })
      expect((await app.rest.get(withTenant(path, studio), { token: staffToken })).status).toBe(403)
      expect((await app.rest.get(withTenant(path, studio), { token: otherOwnerToken })).status).toBe(404)
      expect((await app.rest.get(withTenant(path, other), { token: ownerToken })).status).toBe(404)
    }
    const [entry] = (await history('limit=1')).docs as (Entry & { id: number })[]
    expect((await app.rest.get(`/credit-ledger/${entry!.id}`, { token: otherOwnerToken })).status).toBe(404)
    const { docs } = (await (await app.rest.get('/credit-ledger?limit=100&depth=0', { token: otherOwnerToken })).json()) as { docs: { tenant: number }[] }
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((doc) => doc.tenant === other.id)).toBe(true)
  })

  it('answers bad input with 400 in the errors shape, never 500', async () => {
    const bad = [
      '/billing/credits?tenant=abc',
      '/billing/credits?tenat=1',
      '/billing/credits?tenant=-4',
      '/billing/credits/packs?locale=it',
      '/billing/credits/packs?sort=price',
      '/billing/credits/history?limit=0',
      '/billing/credits/history?limit=201',
      '/billing/credits/history?limit=ten',
      '/billing/credits/history?page=0',
      '/billing/credits/history?kind=gift',
      '/billing/credits/history?format=xml',
      '/billing/credits/history?from=yesterday',
      '/billing/credits/history?from=2026-02-30',
      '/billing/credits/history?to=1999-01-01T00:00:00Z',
      '/billing/credits/history?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z',
      '/billing/credits/history?user=99999999999',
      '/billing/credits/history?user=x',
      '/billing/credits/history?where[kind][equals]=spend',
      '/billing/credits/history?note=%00',
    ]
    for (const path of bad) {
      const response = await app.rest.get(path, { token: ownerToken })
      expect({ path, status: response.status }).toEqual({ path, status: 400 })
      const body = (await response.json()) as { errors: { message: string }[] }
      expect(body.errors.length).toBeGreaterThan(0)
      expect(body.errors[0]!.message).toEqual(expect.any(String))
    }
  })
})
