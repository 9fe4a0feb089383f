// A studio's credit ledger, newest first, filtered by kind, member and time: a page of it as JSON, or every
// entry as CSV, read in keyset batches so that memory stays flat however long the history.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { CreditKind } from '../collections/CreditLedger'

import { csvRow } from '../../../utilities/csv'
import { type Executor } from '../../../utilities/transactionDb'

export type HistoryFilters = {
  /** Inclusive; a plain date is the start of that day in the studio's time zone. */
  from?: string
  kind?: CreditKind
  /** Exclusive; a plain date is the start of that day in the studio's time zone. */
  to?: string
  user?: number
}

export type HistoryEntry = {
  amount: number
  createdAt: string
  expiresAt: null | string
  fromGrant: number
  id: number
  kind: CreditKind
  note: null | string
  reference: string
  user: { email: string; id: number; name: null | string } | null
}

type EntryRow = {
  amount: number
  created_at: Date | string
  email: null | string
  expires_at: Date | null | string
  from_grant: number
  id: number
  kind: CreditKind
  name: null | string
  note: null | string
  reference: string
  user_id: null | number
}

const CSV_BATCH = 1_000
export const HISTORY_CSV_COLUMNS = ['id', 'createdAt', 'kind', 'amount', 'fromGrant', 'userId', 'userName', 'userEmail', 'reference', 'note', 'expiresAt']

const iso = (value: Date | null | string) => (value === null ? null : new Date(value).toISOString())

// An instant goes to PostgreSQL in UTC: it takes offsets only up to 15:59, ISO up to 23:59.
const instant = (value: string, timeZone: string): SQL =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? sql`(${value}::date::timestamp at time zone ${timeZone})` : sql`${new Date(value).toISOString()}::timestamptz`

export function historyWhere(tenant: { id: number; timezone: string }, filters: HistoryFilters): SQL {
  const clauses: SQL[] = [sql`entry.tenant_id = ${tenant.id}`]
  if (filters.kind) clauses.push(sql`entry.kind = ${filters.kind}`)
  if (filters.user) clauses.push(sql`entry.user_id = ${filters.user}`)
  if (filters.from) clauses.push(sql`entry.created_at >= ${instant(filters.from, tenant.timezone)}`)
  if (filters.to) clauses.push(sql`entry.created_at < ${instant(filters.to, tenant.timezone)}`)
  return sql.join(clauses, sql` and `)
}

const selectEntries = (where: SQL) => sql`
  select entry.id, entry.kind, entry.amount::int as amount, coalesce(entry.from_grant, 0)::int as from_grant, entry.reference, entry.note,
         entry.expires_at, entry.created_at, entry.user_id, member.name, member.email
  from credit_ledger entry left join users member on member.id = entry.user_id
  where ${where}`

const toEntry = (row: EntryRow): HistoryEntry => ({
  amount: row.amount,
  createdAt: iso(row.created_at)!,
  expiresAt: iso(row.expires_at),
  fromGrant: row.from_grant,
  id: row.id,
  kind: row.kind,
  note: row.note,
  reference: row.reference,
  user: row.user_id !== null && row.email !== null ? { email: row.email, id: row.user_id, name: row.name } : null,
})

export async function historyPage(
  db: Executor,
  where: SQL,
  page: number,
  limit: number,
): Promise<{ docs: HistoryEntry[]; limit: number; page: number; totalDocs: number; totalPages: number }> {
  const counted = (await db.execute(sql`select count(*)::int as total from credit_ledger entry where ${where}`)) as { rows: { total: number }[] }
  const totalDocs = counted.rows[0]?.total ?? 0
  const { rows } = (await db.execute(sql`${selectEntries(where)} order by entry.created_at desc, entry.id desc limit ${limit} offset ${(page - 1) * limit}`)) as { rows: EntryRow[] }
  return { docs: rows.map(toEntry), limit, page, totalDocs, totalPages: Math.ceil(totalDocs / limit) }
}

/** The CSV text of every matching entry, newest first: the header, then one chunk per batch. */
export async function* historyCsv(db: Executor, where: SQL): AsyncGenerator<string> {
  yield csvRow(HISTORY_CSV_COLUMNS)
  let after: { createdAt: string; id: number } | null = null
  for (;;) {
    const cursor: SQL = after ? sql` and (entry.created_at, entry.id) < (${after.createdAt}::timestamptz, ${after.id})` : sql``
    const { rows } = (await db.execute(sql`${selectEntries(sql`${where}${cursor}`)} order by entry.created_at desc, entry.id desc limit ${CSV_BATCH}`)) as { rows: EntryRow[] }
    if (rows.length === 0) return
    yield rows
      .map(toEntry)
      .map((entry) => csvRow([entry.id, entry.createdAt, entry.kind, entry.amount, entry.fromGrant, entry.user?.id, entry.user?.name, entry.user?.email, entry.reference, entry.note, entry.expiresAt]))
      .join('')
    const last = rows[rows.length - 1]!
    after = { createdAt: iso(last.created_at)!, id: last.id }
  }
}
