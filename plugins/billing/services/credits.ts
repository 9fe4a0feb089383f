// The AI-credit ledger and its wallet. Every change is one append-only ledger entry plus the wallet row's
// update, in one transaction, under the wallet's row lock; the wallet's CHECK (balance >= 0) is the last
// word. References are unique per kind, so a replayed grant, purchase or spend changes nothing.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { CreditKind } from '../collections/CreditLedger'

import { conflict, HttpError } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { type Executor, transactionDb } from '../../../utilities/transactionDb'

type Wallet = { balance: number; grant_expires_at: Date | null; grant_reference: null | string; grant_remaining: number }
type Entry = { amount: number; expiresAt?: Date | null; fromGrant?: number; kind: CreditKind; note?: string; reference: string; tenant: number; user?: null | number }

export type CreditResult = { balance: number; entryId: null | number; replayed: boolean }

export const insufficientCredits = (balance: number, needed: number) =>
  new HttpError(402, `Not enough AI credits: ${needed} needed, ${balance} left.`, [{ message: `Not enough AI credits: ${needed} needed, ${balance} left.` }], {
    balance,
    code: 'insufficient_credits',
    needed,
  })

/** The tenant's wallet, created empty if need be, locked until the transaction ends. */
async function lockWallet(db: Executor, tenant: number): Promise<Wallet> {
  await db.execute(sql`insert into credit_wallets (tenant_id) values (${tenant}) on conflict (tenant_id) do nothing`)
  const { rows } = (await db.execute(sql`select balance, grant_remaining, grant_reference, grant_expires_at from credit_wallets where tenant_id = ${tenant} for update`)) as { rows: Wallet[] }
  return rows[0]!
}

async function existingEntry(db: Executor, kind: CreditKind, reference: string): Promise<null | { amount: number; from_grant: number; id: number; tenant_id: number }> {
  const { rows } = (await db.execute(sql`select id, tenant_id, amount::int as amount, coalesce(from_grant, 0)::int as from_grant from credit_ledger where kind = ${kind} and reference = ${reference}`)) as {
    rows: { amount: number; from_grant: number; id: number; tenant_id: number }[]
  }
  return rows[0] ?? null
}

async function appendEntry(db: Executor, entry: Entry): Promise<number> {
  const { rows } = (await db.execute(sql`
    insert into credit_ledger (tenant_id, kind, amount, user_id, reference, expires_at, from_grant, note, created_at, updated_at)
    values (${entry.tenant}, ${entry.kind}, ${entry.amount}, ${entry.user ?? null}, ${entry.reference}, ${entry.expiresAt?.toISOString() ?? null},
            ${entry.fromGrant ?? 0}, ${entry.note ?? null}, now(), now())
    returning id`)) as { rows: { id: number }[] }
  return rows[0]!.id
}

async function setWallet(db: Executor, tenant: number, balance: number, grantRemaining: number, grant?: { expiresAt: Date | null; reference: null | string }): Promise<void> {
  if (grant) {
    await db.execute(sql`update credit_wallets set balance = ${balance}, grant_remaining = ${grantRemaining}, grant_reference = ${grant.reference},
      grant_expires_at = ${grant.expiresAt?.toISOString() ?? null}, updated_at = now() where tenant_id = ${tenant}`)
  } else {
    await db.execute(sql`update credit_wallets set balance = ${balance}, grant_remaining = ${grantRemaining}, updated_at = now() where tenant_id = ${tenant}`)
  }
}

/** A reference already used for this kind: the same tenant's is a replay, another tenant's a conflict. */
function replay(found: { id: number; tenant_id: number }, tenant: number, balance: number): CreditResult {
  if (found.tenant_id !== tenant) throw conflict('This reference belongs to another studio.', 'reference_taken')
  return { balance, entryId: found.id, replayed: true }
}

/** What is left of the current grant expires (an `expire` entry), e.g. at its period's end. */
async function expireGrantRemainder(db: Executor, tenant: number, wallet: Wallet): Promise<Wallet> {
  if (wallet.grant_remaining <= 0 || !wallet.grant_reference) return wallet
  if (await existingEntry(db, 'expire', wallet.grant_reference)) return wallet
  await appendEntry(db, { amount: -wallet.grant_remaining, kind: 'expire', reference: wallet.grant_reference, tenant })
  const next = { ...wallet, balance: wallet.balance - wallet.grant_remaining, grant_remaining: 0 }
  await setWallet(db, tenant, next.balance, 0)
  return next
}

/** A plan's monthly grant: what is left of the previous one expires, this one is spent first and expires at `expiresAt`. */
export const grantCredits = (req: PayloadRequest, args: { amount: number; expiresAt: Date; reference: string; tenant: number }): Promise<CreditResult> =>
  inTransaction(req, async () => {
    const db = await transactionDb(req)
    const locked = await lockWallet(db, args.tenant)
    // A replay first: the running grant must not expire because its own invoice came again.
    const found = await existingEntry(db, 'grant', args.reference)
    if (found) return replay(found, args.tenant, locked.balance)
    const wallet = await expireGrantRemainder(db, args.tenant, locked)
    const entryId = await appendEntry(db, { amount: args.amount, expiresAt: args.expiresAt, kind: 'grant', reference: args.reference, tenant: args.tenant })
    await setWallet(db, args.tenant, wallet.balance + args.amount, args.amount, { expiresAt: args.expiresAt, reference: args.reference })
    return { balance: wallet.balance + args.amount, entryId, replayed: false }
  })

/**
 * A plan change taking effect now gives money back for the unused time: the running grant keeps at most the
 * new plan's allowance, the rest expires at once. Once per grant and allowance.
 */
export const capRunningGrant = (req: PayloadRequest, args: { allowance: number; tenant: number }): Promise<CreditResult> =>
  inTransaction(req, async () => {
    const db = await transactionDb(req)
    const wallet = await lockWallet(db, args.tenant)
    const excess = wallet.grant_remaining - args.allowance
    if (excess <= 0 || !wallet.grant_reference) return { balance: wallet.balance, entryId: null, replayed: false }
    const reference = `${wallet.grant_reference}:capped-at-${args.allowance}`
    const found = await existingEntry(db, 'expire', reference)
    if (found) return replay(found, args.tenant, wallet.balance)
    const entryId = await appendEntry(db, { amount: -excess, kind: 'expire', note: 'plan changed: beyond the new allowance', reference, tenant: args.tenant })
    await setWallet(db, args.tenant, wallet.balance - excess, args.allowance)
    return { balance: wallet.balance - excess, entryId, replayed: false }
  })

/**
 * Takes credits back (`adjust` entries) until `owed` in all has been taken for `source`, e.g. a pack whose
 * payment was refunded: never below zero, so what was already spent stays spent. Counted under the wallet's
 * lock, so two refunds of one payment at once take back no more than owed.
 */
export const takeBackCredits = (req: PayloadRequest, args: { note: string; owed: number; source: string; step: string; tenant: number }): Promise<CreditResult> =>
  inTransaction(req, async () => {
    const db = await transactionDb(req)
    const wallet = await lockWallet(db, args.tenant)
    const reference = `${args.source}:${args.step}`
    const found = await existingEntry(db, 'adjust', reference)
    if (found) return replay(found, args.tenant, wallet.balance)
    const { rows } = (await db.execute(sql`select coalesce(-sum(amount), 0)::int as taken from credit_ledger
      where kind = 'adjust' and starts_with(reference, ${`${args.source}:`})`)) as { rows: { taken: number }[] }
    const taken = Math.min(args.owed - (rows[0]?.taken ?? 0), wallet.balance)
    if (taken <= 0) return { balance: wallet.balance, entryId: null, replayed: true }
    const entryId = await appendEntry(db, { amount: -taken, kind: 'adjust', note: args.note, reference, tenant: args.tenant })
    const balance = wallet.balance - taken
    await setWallet(db, args.tenant, balance, Math.min(wallet.grant_remaining, balance))
    return { balance, entryId, replayed: false }
  })

/** Bought credits (a pack): they never expire. `reference` is the PaymentIntent id, so a replay adds nothing. */
export const addPurchasedCredits = (req: PayloadRequest, args: { amount: number; note?: string; reference: string; tenant: number; user?: null | number }): Promise<CreditResult> =>
  inTransaction(req, async () => {
    const db = await transactionDb(req)
    const wallet = await lockWallet(db, args.tenant)
    const found = await existingEntry(db, 'purchase', args.reference)
    if (found) return replay(found, args.tenant, wallet.balance)
    const entryId = await appendEntry(db, { ...args, kind: 'purchase' })
    await setWallet(db, args.tenant, wallet.balance + args.amount, wallet.grant_remaining)
    return { balance: wallet.balance + args.amount, entryId, replayed: false }
  })

export type SpendArgs = { amount: number; note?: string; reference: string; tenant: number; user?: null | number }

/**
 * Takes `amount` credits (the monthly grant first), or refuses with 402 `insufficient_credits` when that
 * would take the balance below zero. The same reference again is a replay: nothing is taken twice.
 */
export const spendCredits = (req: PayloadRequest, args: SpendArgs): Promise<CreditResult> =>
  inTransaction(req, async () => {
    if (!Number.isInteger(args.amount) || args.amount <= 0) throw new HttpError(400, 'A spend is a positive whole number of credits.')
    const db = await transactionDb(req)
    return spendUnlocked(db, await lockWallet(db, args.tenant), args)
  })

/** For a cost known only afterwards: takes the most it may cost now; `settleCredits` gives back the rest. */
export const holdCredits = (req: PayloadRequest, args: SpendArgs): Promise<CreditResult> => spendCredits(req, { ...args, note: args.note ?? 'hold' })

/**
 * Settles a hold at its real cost: what was held beyond it comes back (a `refund` entry, into the grant it
 * came from while that grant is current); a cost above the hold takes the difference, or refuses with 402.
 */
export const settleCredits = (req: PayloadRequest, args: { actual: number; reference: string; tenant: number; user?: null | number }): Promise<CreditResult> =>
  inTransaction(req, async () => {
    if (!Number.isInteger(args.actual) || args.actual < 0) throw new HttpError(400, 'A settled cost is a whole number of credits, zero or more.')
    const db = await transactionDb(req)
    const wallet = await lockWallet(db, args.tenant)
    const hold = await existingEntry(db, 'spend', args.reference)
    if (!hold || hold.tenant_id !== args.tenant) throw new HttpError(404, 'No such hold.')
    const held = -hold.amount
    if (args.actual === held) return { balance: wallet.balance, entryId: null, replayed: false }
    if (args.actual > held) {
      return spendUnlocked(db, wallet, { amount: args.actual - held, note: 'beyond the hold', reference: `${args.reference}:beyond`, tenant: args.tenant, user: args.user })
    }
    const found = await existingEntry(db, 'refund', args.reference)
    if (found) return replay(found, args.tenant, wallet.balance)
    const back = held - args.actual
    const toGrant = (await heldFromCurrentGrant(db, wallet, hold.id)) ? Math.min(back, hold.from_grant) : 0
    const entryId = await appendEntry(db, { amount: back, kind: 'refund', note: 'unused part of a hold', reference: args.reference, tenant: args.tenant, user: args.user })
    await setWallet(db, args.tenant, wallet.balance + back, wallet.grant_remaining + toGrant)
    return { balance: wallet.balance + back, entryId, replayed: false }
  })

/** Whether the hold drew on the grant still running (not one since expired or replaced). */
async function heldFromCurrentGrant(db: Executor, wallet: Wallet, holdId: number): Promise<boolean> {
  if (!wallet.grant_reference || !wallet.grant_expires_at || new Date(wallet.grant_expires_at) <= new Date()) return false
  const { rows } = (await db.execute(sql`select 1 from credit_ledger grant_entry, credit_ledger hold
    where grant_entry.kind = 'grant' and grant_entry.reference = ${wallet.grant_reference} and hold.id = ${holdId} and hold.id > grant_entry.id`)) as { rows: unknown[] }
  return rows.length > 0
}

async function spendUnlocked(db: Executor, wallet: Wallet, args: SpendArgs): Promise<CreditResult> {
  const found = await existingEntry(db, 'spend', args.reference)
  if (found) return replay(found, args.tenant, wallet.balance)
  if (wallet.balance < args.amount) throw insufficientCredits(wallet.balance, args.amount)
  const fromGrant = Math.min(wallet.grant_remaining, args.amount)
  const entryId = await appendEntry(db, { ...args, amount: -args.amount, fromGrant, kind: 'spend' })
  await setWallet(db, args.tenant, wallet.balance - args.amount, wallet.grant_remaining - fromGrant)
  return { balance: wallet.balance - args.amount, entryId, replayed: false }
}

/** Grants past their end lose what is left of them (the daily job). Returns how many wallets changed. */
export async function expireEndedGrants(req: PayloadRequest, now: Date): Promise<number> {
  const { rows } = (await (await transactionDb(req)).execute(sql`select tenant_id from credit_wallets
    where grant_remaining > 0 and grant_expires_at <= ${now.toISOString()}::timestamptz`)) as { rows: { tenant_id: number }[] }
  let expired = 0
  for (const { tenant_id } of rows) {
    const changed = await inTransaction(req, async () => {
      const db = await transactionDb(req)
      const wallet = await lockWallet(db, tenant_id)
      if (!wallet.grant_expires_at || wallet.grant_expires_at > now) return false
      return (await expireGrantRemainder(db, tenant_id, wallet)) !== wallet
    })
    if (changed) expired += 1
  }
  return expired
}

/** The wallet as it stands (zeros before the first entry). */
export async function walletOf(req: PayloadRequest, tenant: number): Promise<{ balance: number; grantExpiresAt: null | string; grantRemaining: number }> {
  const { rows } = (await (await transactionDb(req)).execute(sql`select balance, grant_remaining, grant_expires_at from credit_wallets where tenant_id = ${tenant}`)) as { rows: Wallet[] }
  const wallet = rows[0]
  return { balance: wallet?.balance ?? 0, grantExpiresAt: wallet?.grant_expires_at ? new Date(wallet.grant_expires_at).toISOString() : null, grantRemaining: wallet?.grant_remaining ?? 0 }
}
