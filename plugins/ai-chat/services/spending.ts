// The assistant's spending: each model call holds its estimate from the studio's credits (billing's ledger)
// and settles to the usage the provider reports. Caps (per user per local day, per studio per local month)
// are checked with the hold under one per-studio lock, so concurrent chats cannot pass a cap together.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Tenant } from '../../../payload-types'

import { HttpError } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { creditsSpentSince, holdCredits, settleCredits } from '../../billing'
import { formatInZone, startOfLocalDay } from './tools/format'

/** Every ledger reference of the assistant starts so: `ai:<turn>:<call>`. */
export const AI_REFERENCE_PREFIX = 'ai:'
// pg_advisory_xact_lock(namespace, tenant): one namespace per kind of lock in the app.
const CAP_LOCK_NAMESPACE = 4_190_019

export type CapName = 'tenant_monthly' | 'user_daily'

const capReached = (cap: CapName, limit: number, spent: number) => {
  const message = cap === 'user_daily' ? `Your daily AI limit of ${limit} credits is reached.` : `This studio’s monthly AI limit of ${limit} credits is reached.`
  return new HttpError(402, message, [{ message }], { cap, code: 'ai_cap_reached', limit, spent })
}

/** The start of the studio's local day and month now. */
function periodStarts(tenant: Tenant): { day: Date; month: Date } {
  const today = formatInZone(new Date(), tenant.timezone).slice(0, 10)
  return { day: startOfLocalDay(today, tenant.timezone), month: startOfLocalDay(`${today.slice(0, 8)}01`, tenant.timezone) }
}

/** 402 `ai_cap_reached` when `amount` more would pass a cap the studio's owners set. */
async function checkCaps(req: PayloadRequest, tenant: Tenant, user: number, amount: number): Promise<void> {
  const { day, month } = periodStarts(tenant)
  const userCap = tenant.aiUserDailyCap
  if (typeof userCap === 'number') {
    const spent = await creditsSpentSince(req, { referencePrefix: AI_REFERENCE_PREFIX, since: day, tenant: tenant.id, user })
    if (spent + amount > userCap) throw capReached('user_daily', userCap, spent)
  }
  const studioCap = tenant.aiTenantMonthlyCap
  if (typeof studioCap === 'number') {
    const spent = await creditsSpentSince(req, { referencePrefix: AI_REFERENCE_PREFIX, since: month, tenant: tenant.id })
    if (spent + amount > studioCap) throw capReached('tenant_monthly', studioCap, spent)
  }
}

/**
 * Holds `amount` credits for one model call after checking the caps, in one transaction (with `andThen`, e.g.
 * the conversation's first rows, so that nothing is half-written). 402 `insufficient_credits` or `ai_cap_reached`.
 */
export async function holdForCall<T>(
  req: PayloadRequest,
  args: { amount: number; reference: string; tenant: Tenant; user: number },
  andThen: () => Promise<T>,
): Promise<{ balance: number; then: T }> {
  return inTransaction(req, async () => {
    const db = await transactionDb(req)
    await db.execute(sql`select pg_advisory_xact_lock(${CAP_LOCK_NAMESPACE}, ${args.tenant.id})`)
    await checkCaps(req, args.tenant, args.user, args.amount)
    const held = await holdCredits(req, { amount: args.amount, note: 'AI assistant: hold', reference: args.reference, tenant: args.tenant.id, user: args.user })
    return { balance: held.balance, then: await andThen() }
  })
}

/** Settles a call's hold to what it cost (0 gives it all back); the balance after. */
export async function settleCall(req: PayloadRequest, args: { actual: number; reference: string; tenant: Tenant; user: number }): Promise<number> {
  const settled = await settleCredits(req, { actual: args.actual, reference: args.reference, tenant: args.tenant.id, user: args.user })
  return settled.balance
}
