// Running a compiled report: all at once for JSON (bounded), or page by page through a server-side cursor for
// the files, so that an export of millions of rows holds one page in memory at a time.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

import pg from 'pg'

import type { ReportRow, RowPages } from '../types'
import type { CompiledColumn, CompiledReport } from './compile'

import { poolDb } from '../../../utilities/transactionDb'

type RawRow = Record<string, unknown>
type DrizzleWithDialect = { dialect: { sqlToQuery: (query: SQL) => { params: unknown[]; sql: string } } }

export const CURSOR_PAGE_ROWS = 2_000
/**
 * Memory for one report's sorts and hash tables, so that grouping a million rows stays in memory (4 MB, the
 * default, spills to disk and keeps PostgreSQL from hashing). Per report query, read-only transactions only.
 */
export const REPORT_WORK_MEM = `set local work_mem = '32MB'`

const pad = (value: number) => String(value).padStart(2, '0')

/** One report query in a read-only transaction of its own, with REPORT_WORK_MEM. */
async function readOnly(payload: Payload, query: SQL): Promise<RawRow[]> {
  const db = poolDb(payload) as unknown as { transaction: <T>(work: (tx: { execute: (query: SQL) => Promise<unknown> }) => Promise<T>, config?: { accessMode: 'read only' }) => Promise<T> }
  return db.transaction(
    async (tx) => {
      await tx.execute(sql.raw(REPORT_WORK_MEM))
      // A screen's report that takes a minute is a spec to narrow, not a wait to impose on the pool.
      await tx.execute(sql.raw(`set local statement_timeout = '60s'`))
      return ((await tx.execute(query)) as { rows: RawRow[] }).rows
    },
    { accessMode: 'read only' },
  )
}

function cell(column: CompiledColumn, value: unknown): boolean | null | number | string {
  if (value === null || value === undefined) return null
  switch (column.type) {
    case 'boolean':
      return Boolean(value)
    case 'datetime':
      return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()
    case 'date':
      // node-postgres reads a date as local midnight; drizzle's execute passes the text through.
      return value instanceof Date ? `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}` : String(value).slice(0, 10)
    case 'money':
    case 'number':
      // numeric and bigint arrive as strings; amounts are whole minor units, sums stay below 2^53.
      return Number(value)
    default:
      return String(value)
  }
}

export const rowMapper =
  (columns: CompiledColumn[]) =>
  (raw: RawRow): ReportRow =>
    Object.fromEntries(columns.map((column, index) => [column.key, cell(column, raw[`c${index}`])]))

/** Up to `max` rows, and whether more were left out (compile with a limit above `max` to know). */
export async function runRows(payload: Payload, compiled: CompiledReport, max: number): Promise<{ rows: ReportRow[]; truncated: boolean }> {
  const rows = await readOnly(payload, compiled.query)
  const toRow = rowMapper(compiled.columns)
  return { rows: rows.slice(0, max).map(toRow), truncated: rows.length > max }
}

export async function runTotals(payload: Payload, compiled: CompiledReport): Promise<ReportRow[]> {
  if (!compiled.totals) return []
  const rows = await readOnly(payload, compiled.totals)
  const toRow = rowMapper(compiled.columns)
  return rows.map(toRow).map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => compiled.columns.find((column) => column.key === key && (!column.group || key === 'currency')))))
}

/**
 * Exports hold a connection for as long as their reader takes: they get a small pool of their own, so that a
 * few slow or stalled downloads can never take the connections every other request needs. Beyond its size an
 * export waits for a free connection, then fails (the download aborts).
 */
const EXPORT_CONNECTIONS = 4
const exportPools = new WeakMap<Pool, Pool>()
function exportPool(appPool: Pool): Pool {
  let pool = exportPools.get(appPool)
  if (!pool) {
    const { connectionString } = appPool.options as { connectionString?: string }
    pool = new pg.Pool({ allowExitOnIdle: true, connectionString, connectionTimeoutMillis: 30_000, idleTimeoutMillis: 5_000, max: EXPORT_CONNECTIONS })
    // An idle connection the server drops (a restart) is not an error of any export.
    pool.on('error', () => undefined)
    exportPools.set(appPool, pool)
  }
  return pool
}
/**
 * A reader that stops pulling for a minute ends its export (PostgreSQL closes the idle transaction and the
 * next fetch fails), and no statement of an export runs longer than five minutes.
 */
const EXPORT_TIMEOUTS = `set local idle_in_transaction_session_timeout = '60s'; set local statement_timeout = '300s'`

/**
 * The rows in pages from a cursor on its own connection, in a read-only transaction that sees one snapshot.
 * The connection goes back to the pool when the pages end, fail, or the reader stops early. With `onCount`,
 * the rows are counted in that snapshot before the cursor opens (so the count is the number of rows the
 * pages hold), and the count is handed over before the first page.
 */
export async function* cursorPages(payload: Payload, compiled: CompiledReport, pageRows = CURSOR_PAGE_ROWS, options: { onCount?: (rows: number) => void } = {}): RowPages {
  const adapter = payload.db as unknown as { drizzle: DrizzleWithDialect; pool: Pool }
  const { params, sql: text } = adapter.drizzle.dialect.sqlToQuery(compiled.query)
  const toRow = rowMapper(compiled.columns)
  const client: PoolClient = await exportPool(adapter.pool).connect()
  let failed = false
  try {
    // Repeatable read: the count and the cursor read the same snapshot, whatever is committed in between.
    await client.query('begin transaction isolation level repeatable read read only')
    await client.query(REPORT_WORK_MEM)
    await client.query(EXPORT_TIMEOUTS)
    if (options.onCount) {
      const counted = await client.query<{ n: string }>(`select count(*)::bigint as n from (${text}) as counted`, params)
      options.onCount(Number(counted.rows[0]?.n ?? 0))
    }
    await client.query(`declare report_rows no scroll cursor for ${text}`, params)
    for (;;) {
      const page = await client.query<RawRow>(`fetch forward ${pageRows} from report_rows`)
      if (page.rows.length === 0) break
      yield page.rows.map(toRow)
      if (page.rows.length < pageRows) break
    }
    await client.query('commit')
  } catch (error) {
    failed = true
    throw error
  } finally {
    // An early stop (the client went away) leaves the transaction open: roll it back before reuse.
    if (!failed) await client.query('rollback').catch(() => undefined)
    client.release(failed)
  }
}
