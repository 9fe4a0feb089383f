// A studio's AI credits at a glance: the wallet and this calendar month's movements (in the studio's own time
// zone), summed in PostgreSQL, two queries whatever the ledger's size.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../utilities/transactionDb'
import { monthStart } from './usageCounts'

export type CreditSummary = {
  balance: number
  grant: { expiresAt: null | string; remaining: number }
  month: { expired: number; granted: number; purchased: number; refunded: number; spent: number; start: string }
  /** Net of the unused parts of holds given back; the studio's biggest spenders first. */
  spendByUser: { spent: number; user: { email: string; id: number; name: null | string } | null }[]
}

type TotalsRow = {
  balance: number
  expired: number
  grant_expires_at: Date | null | string
  grant_remaining: number
  granted: number
  purchased: number
  refunded: number
  spent: number
  start: Date | string
}
type SpenderRow = { email: null | string; name: null | string; spent: number; user_id: null | number }

const iso = (value: Date | string) => new Date(value).toISOString()

export async function creditSummary(req: PayloadRequest, tenantId: number): Promise<CreditSummary> {
  const db = await transactionDb(req)
  // Spends and expiries are negative entries: reported as the positive amounts they took.
  const totals = (await db.execute(sql`
    with month as (select ${monthStart(tenantId)} as start)
    select month.start, coalesce(wallet.balance, 0) as balance, coalesce(wallet.grant_remaining, 0) as grant_remaining, wallet.grant_expires_at,
      coalesce(sum(entry.amount) filter (where entry.kind = 'grant'), 0)::int as granted,
      coalesce(-sum(entry.amount) filter (where entry.kind = 'spend'), 0)::int as spent,
      coalesce(sum(entry.amount) filter (where entry.kind = 'purchase'), 0)::int as purchased,
      coalesce(sum(entry.amount) filter (where entry.kind = 'refund'), 0)::int as refunded,
      coalesce(-sum(entry.amount) filter (where entry.kind = 'expire'), 0)::int as expired
    from month
    left join credit_wallets wallet on wallet.tenant_id = ${tenantId}
    left join credit_ledger entry on entry.tenant_id = ${tenantId} and entry.created_at >= month.start
    group by month.start, wallet.balance, wallet.grant_remaining, wallet.grant_expires_at`)) as { rows: TotalsRow[] }
  const spenders = (await db.execute(sql`
    select entry.user_id, member.name, member.email, (-sum(entry.amount))::int as spent
    from credit_ledger entry left join users member on member.id = entry.user_id
    where entry.tenant_id = ${tenantId} and entry.kind in ('spend', 'refund') and entry.created_at >= ${monthStart(tenantId)}
    group by entry.user_id, member.name, member.email
    having count(*) filter (where entry.kind = 'spend') > 0
    order by spent desc, entry.user_id nulls last`)) as { rows: SpenderRow[] }

  const row = totals.rows[0]!
  return {
    balance: row.balance,
    grant: { expiresAt: row.grant_expires_at ? iso(row.grant_expires_at) : null, remaining: row.grant_remaining },
    month: { expired: row.expired, granted: row.granted, purchased: row.purchased, refunded: row.refunded, spent: row.spent, start: iso(row.start) },
    spendByUser: spenders.rows.map(({ name, email, spent, user_id }) => ({
      spent,
      // A member deleted since is no one in particular.
      user: user_id !== null && email !== null ? { id: user_id, name, email } : null,
    })),
  }
}
