import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb } from '../../../utilities/transactionDb'

/**
 * Folds the count deltas the triggers append into one row per table and studio, and drops sums of zero.
 * One statement: a delta committed meanwhile is not in the DELETE's snapshot and stays as it is, and a reader
 * sees the rows before or after, never between. Returns the rows left.
 */
export async function compactListCounts(req: PayloadRequest): Promise<number> {
  const { rows } = (await poolDb(req.payload).execute(sql`
    with gone as (delete from list_row_counts returning table_name, tenant_id, rows),
    kept as (
      insert into list_row_counts (table_name, tenant_id, rows)
      select table_name, tenant_id, sum(rows) from gone group by table_name, tenant_id having sum(rows) <> 0
      returning 1
    )
    select count(*)::int as rows from kept`)) as { rows: { rows: number }[] }
  return Number(rows[0]?.rows ?? 0)
}
