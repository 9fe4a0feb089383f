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
 * Credits spent net of holds given back, since `since`, on references starting with `referencePrefix`, by
 * one user or the whole studio. Holds still open count in full: spending in flight is spending.
 */
export async function creditsSpentSince(req: PayloadRequest, args: { referencePrefix: string; since: Date; tenant: number; user?: number }): Promise<number> {
  const db = await transactionDb(req)
  const byUser = args.user === undefined ? sql`` : sql`and user_id = ${args.user}`
  const { rows } = (await db.execute(sql`select coalesce(-sum(amount), 0)::bigint as spent from credit_ledger
    where tenant_id = ${args.tenant} and kind in ('spend', 'refund') and starts_with(reference, ${args.referencePrefix})
      and created_at >= ${args.since.toISOString()} ${byUser}`)) as { rows: { spent: number | string }[] }
  return Number(rows[0]?.spent ?? 0)
}
