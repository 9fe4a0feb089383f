// Reads of the credit wallet and ledger for other plugins (the assistant's balance and spending caps).
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../utilities/transactionDb'

/** The studio's credit balance now (0 before its first entry), inside the request's transaction when it has one. */
export async function creditBalance(req: PayloadRequest, tenant: number): Promise<number> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select balance from credit_wallets where tenant_id = ${tenant}`)) as { rows: { balance: number }[] }
  return Number(rows[0]?.balance ?? 0)
}

/**
 * Credits spent since `since` on references starting with `referencePrefix`, by one user or the whole studio,
 * net of what their holds gave back. A spend counts in the period it was taken, refund and all: a hold taken
 * before midnight and settled after it does not hand the new day its unused part. Open holds count in full.
 */
export async function creditsSpentSince(req: PayloadRequest, args: { referencePrefix: string; since: Date; tenant: number; user?: number }): Promise<number> {
  const db = await transactionDb(req)
  const byUser = args.user === undefined ? sql`` : sql`and spend.user_id = ${args.user}`
  const { rows } = (await db.execute(sql`select coalesce(sum(-spend.amount - coalesce(given_back.amount, 0)), 0)::bigint as spent
    from credit_ledger spend
    left join credit_ledger given_back on given_back.kind = 'refund' and given_back.reference = spend.reference
    where spend.tenant_id = ${args.tenant} and spend.kind = 'spend' and starts_with(spend.reference, ${args.referencePrefix})
      and spend.created_at >= ${args.since.toISOString()} ${byUser}`)) as { rows: { spent: number | string }[] }
  return Number(rows[0]?.spent ?? 0)
}
