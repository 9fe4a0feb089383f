// A list's total from the per-studio row counts that triggers keep (migration 20261206_211016_list_counts),
// instead of Payload's count(*), which reads every index entry of the studio: about 200 ms at a million
// bookings, on every page of the admin list (Payload's list view has no option to skip it).
import type { BaseDatabaseAdapter, PaginatedDocs } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { type Executor, transactionDb } from '../../../utilities/transactionDb'
import { ALL_TENANTS, tenantsOnly } from './tenantsOnly'

type Find = BaseDatabaseAdapter['find']

/** Rows of `table` in the studios given (every row for ALL_TENANTS), summed from the kept counts. */
export async function countedRows(executor: Executor, table: string, tenants: Set<number> | typeof ALL_TENANTS): Promise<number> {
  const ids = tenants === ALL_TENANTS ? null : [...tenants]
  if (ids && ids.length === 0) return 0
  const inTenants = ids ? sql`and tenant_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})` : sql``
  const { rows } = (await executor.execute(sql`select coalesce(sum(rows), 0)::bigint as total from list_row_counts where table_name = ${table} ${inTenants}`)) as {
    rows: { total: string }[]
  }
  return Number(rows[0]?.total ?? 0)
}

/**
 * The adapter's `find` for the counted collections (slug to table): a page whose only conditions are its
 * studios is read with `pagination: false` (the same page, no count), and its total comes from the kept
 * counts. Any other query, and every other collection, goes through unchanged.
 */
export function countedFind(adapter: BaseDatabaseAdapter, tables: Record<string, string>): Find {
  const find = adapter.find.bind(adapter)
  return async (args) => {
    const table = tables[args.collection]
    const { limit } = args
    // Only a page asked for as one: Payload's delete and bulk update find every match with no limit and no
    // `pagination`, and a default limit here would cut them short. The admin list asks `draft: true` of every
    // collection; only one with drafts reads another table.
    const drafts = args.draftsEnabled && Boolean(adapter.payload.collections[args.collection]?.config.versions?.drafts)
    if (!table || args.pagination !== true || typeof limit !== 'number' || limit <= 0 || drafts) return find(args)
    const tenants = tenantsOnly(args.where)
    if (tenants === null) return find(args)
    const page = args.page && args.page > 0 ? args.page : 1
    const [result, totalDocs] = await Promise.all([
      find({ ...args, limit, page, pagination: false }),
      // In the request's transaction when it has one: its own inserts count.
      transactionDb({ payload: adapter.payload, transactionID: args.req?.transactionID }).then((executor) => countedRows(executor, table, tenants)),
    ])
    // As Payload answers an empty list: one page, counting from 1.
    const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
    const paginated: PaginatedDocs = {
      ...result,
      hasNextPage: page < totalPages,
      hasPrevPage: totalDocs > 0 && page > 1,
      limit,
      nextPage: page < totalPages ? page + 1 : null,
      page,
      pagingCounter: totalDocs === 0 ? 1 : (page - 1) * limit + 1,
      prevPage: totalDocs > 0 && page > 1 ? page - 1 : null,
      totalDocs,
      totalPages,
    }
    return paginated
  }
}
