// The AI-credit ledger on real PostgreSQL: concurrent spends never overdraw, replays take once, every wallet
// can be rebuilt from the ledger, and neither the database nor REST lets an entry change or a balance go negative.
import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Tenant, User } from '../../payload-types'

import { errorResponse, HttpError } from '../../utilities/apiErrors'
import { poolDb } from '../../utilities/transactionDb'
import { holdCredits, settleCredits, spendCredits } from '../../plugins/billing'
import { addPurchasedCredits, expireEndedGrants, grantCredits, walletOf } from '../../plugins/billing/services/credits'
import { createTenant, createUser, PASSWORD } from '../helpers/fixtures'
import { startTestApp, type TestApp } from '../helpers/payload'

const DAY_MS = 86_400_000

describe('AI credit ledger', () => {
  let app: TestApp
  let paris: Tenant
  let owner: User

  const freshReq = () => createLocalReq({}, app.payload)
  const ref = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`
  const balanceOf = async (tenant: Tenant) => (await walletOf(await freshReq(), tenant.id)).balance
  const ledgerSum = async (tenant: Tenant) => {
    const { rows } = (await poolDb(app.payload).execute(sql`select coalesce(sum(amount), 0)::int as total from credit_ledger where tenant_id = ${tenant.id}`)) as { rows: { total: number }[] }
    return rows[0]!.total
  }
  /** What PostgreSQL says to a statement: its SQLSTATE and message, or null when it ran. */
  const refusal = async (statement: ReturnType<typeof sql>) => {
    try {
      await poolDb(app.payload).execute(statement)
      return null
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string })
      return { code: cause.code, message: cause.message }
    }
  }

  beforeAll(async () => {
    app = await startTestApp()
    paris = await createTenant(app.payload, { name: 'Paris Studio', timezone: 'Europe/Paris' })
    owner = await createUser(app.payload, [{ role: 'owner', tenant: paris }])
  })
  afterAll(async () => {
    await app.close()
  })

  it('lets exactly 20 of 50 concurrent one-credit spends through a balance of 20; the rest are 402 insufficient_credits', async () => {
    const tenant = await createTenant(app.payload)
    await addPurchasedCredits(await freshReq(), { amount: 20, reference: ref('pi_race'), tenant: tenant.id })
    const reqs = await Promise.all(Array.from({ length: 50 }, () => freshReq()))
    const outcomes = await Promise.allSettled(reqs.map((req, index) => spendCredits(req, { amount: 1, reference: `race-${tenant.id}-${index}`, tenant: tenant.id, user: owner.id })))

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(20)
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []))
    expect(refused).toHaveLength(30)
    for (const error of refused) {
      expect(error).toBeInstanceOf(HttpError)
      expect(error).toMatchObject({ extra: { code: 'insufficient_credits' }, status: 402 })
    }
    // What a client of the AI assistant would read.
    const answer = errorResponse(refused[0])
    expect(answer.status).toBe(402)
    expect(await answer.json()).toMatchObject({ balance: 0, code: 'insufficient_credits', errors: [{ message: expect.any(String) }], needed: 1 })
    expect(await balanceOf(tenant)).toBe(0)
    expect(await ledgerSum(tenant)).toBe(0)
  })

  it('takes a spend once, however often its reference comes back (one after another or at once)', async () => {
    const tenant = await createTenant(app.payload)
    await addPurchasedCredits(await freshReq(), { amount: 10, reference: ref('pi_replay'), tenant: tenant.id })
    const first = await spendCredits(await freshReq(), { amount: 3, reference: 'ai-request-1', tenant: tenant.id })
    const again = await spendCredits(await freshReq(), { amount: 3, reference: 'ai-request-1', tenant: tenant.id })
    expect(first).toMatchObject({ balance: 7, replayed: false })
    expect(again).toMatchObject({ entryId: first.entryId, replayed: true })

    const reqs = await Promise.all(Array.from({ length: 5 }, () => freshReq()))
    const together = await Promise.all(reqs.map((req) => spendCredits(req, { amount: 2, reference: 'ai-request-2', tenant: tenant.id })))
    expect(together.filter((result) => !result.replayed)).toHaveLength(1)
    expect(await balanceOf(tenant)).toBe(5)
    const { totalDocs } = await app.payload.count({ collection: 'credit-ledger', where: { and: [{ tenant: { equals: tenant.id } }, { kind: { equals: 'spend' } }] } })
    expect(totalDocs).toBe(2)
  })

  it('keeps every wallet equal to the sum of its ledger after grants, purchases, spends, holds settled both ways and expiries', async () => {
    const tenant = await createTenant(app.payload)
    const other = await createTenant(app.payload)
    const req = await freshReq()
    const monthEnd = new Date(Date.now() + 30 * DAY_MS)
    await grantCredits(req, { amount: 100, expiresAt: monthEnd, reference: ref('in_grant'), tenant: tenant.id })
    await addPurchasedCredits(req, { amount: 50, reference: ref('pi_mixed'), tenant: tenant.id })
    await spendCredits(req, { amount: 30, reference: ref('spend'), tenant: tenant.id })
    const under = ref('hold-under')
    await holdCredits(req, { amount: 20, reference: under, tenant: tenant.id })
    expect(await settleCredits(req, { actual: 5, reference: under, tenant: tenant.id })).toMatchObject({ balance: 115 })
    const over = ref('hold-over')
    await holdCredits(req, { amount: 10, reference: over, tenant: tenant.id })
    expect(await settleCredits(req, { actual: 14, reference: over, tenant: tenant.id })).toMatchObject({ balance: 101 })
    // A new period's grant expires what is left of the last one (100 - 30 - 5 - 14 = 51); the job expires what is left of it.
    await grantCredits(req, { amount: 40, expiresAt: new Date(Date.now() + DAY_MS), reference: ref('in_grant'), tenant: tenant.id })
    expect(await walletOf(req, tenant.id)).toMatchObject({ balance: 90, grantRemaining: 40 })
    await spendCredits(req, { amount: 4, reference: ref('spend'), tenant: tenant.id })
    await addPurchasedCredits(req, { amount: 7, reference: ref('pi_other'), tenant: other.id })
    expect(await expireEndedGrants(req, new Date(Date.now() + 2 * DAY_MS))).toBeGreaterThanOrEqual(1)
    expect(await walletOf(req, tenant.id)).toMatchObject({ balance: 50, grantRemaining: 0 })

    const { rows } = (await poolDb(app.payload).execute(sql`
      select coalesce(wallet.tenant_id, entries.tenant_id) as tenant_id, wallet.balance, entries.total
      from credit_wallets wallet
      full join (select tenant_id, sum(amount)::int as total from credit_ledger group by tenant_id) entries on entries.tenant_id = wallet.tenant_id`)) as {
      rows: { balance: null | number; tenant_id: number; total: null | number }[]
    }
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) expect({ tenant: row.tenant_id, total: row.total ?? 0 }).toEqual({ tenant: row.tenant_id, total: row.balance ?? 0 })
    expect(rows.find((row) => row.tenant_id === tenant.id)).toMatchObject({ balance: 50, total: 50 })
    expect(rows.find((row) => row.tenant_id === other.id)).toMatchObject({ balance: 7, total: 7 })
  })

  it('has PostgreSQL refuse any UPDATE or DELETE of a ledger entry', async () => {
    const { entryId } = await addPurchasedCredits(await freshReq(), { amount: 5, reference: ref('pi_guard'), tenant: paris.id })
    for (const statement of [sql`update credit_ledger set amount = 5000 where id = ${entryId}`, sql`delete from credit_ledger where id = ${entryId}`, sql`delete from credit_ledger`]) {
      const refused = await refusal(statement)
      expect(refused).toMatchObject({ code: '23001', message: expect.stringMatching(/append-only/) })
    }
    expect(await app.payload.findByID({ id: entryId!, collection: 'credit-ledger' })).toMatchObject({ amount: 5, kind: 'purchase' })
  })

  it('has PostgreSQL refuse a negative balance written directly', async () => {
    await addPurchasedCredits(await freshReq(), { amount: 1, reference: ref('pi_check'), tenant: paris.id })
    const refused = await refusal(sql`update credit_wallets set balance = -1, grant_remaining = 0 where tenant_id = ${paris.id}`)
    expect(refused).toMatchObject({ code: '23514', message: expect.stringMatching(/credit_wallets_balance_not_negative/) })
    expect(await balanceOf(paris)).toBeGreaterThan(0)
  })

  it('refuses creating, changing and deleting entries over REST, even for an owner or a super admin', async () => {
    const { entryId } = await addPurchasedCredits(await freshReq(), { amount: 3, reference: ref('pi_rest'), tenant: paris.id })
    const superAdmin = await createUser(app.payload, [], { superAdmin: true })
    for (const token of [await app.rest.login(owner.email, PASSWORD), await app.rest.login(superAdmin.email, PASSWORD)]) {
      expect((await app.rest.get(`/credit-ledger/${entryId}`, { token })).status).toBe(200)
      expect((await app.rest.patch(`/credit-ledger/${entryId}`, { amount: 3000 }, { token })).status).toBe(403)
      expect((await app.rest.delete(`/credit-ledger/${entryId}`, { token })).status).toBe(403)
      const created = await app.rest.post('/credit-ledger', { amount: 1000, kind: 'adjust', reference: ref('forged'), tenant: paris.id }, { token })
      expect(created.status).toBe(403)
    }
    expect(await app.payload.findByID({ id: entryId!, collection: 'credit-ledger' })).toMatchObject({ amount: 3 })
  })
})
