// Fast totals for the long lists (issue 21): bookings, sessions, payments and audit entries keep per-studio row
// counts in PostgreSQL (triggers, migration 20261206_211016_list_counts), and a page filtered by studio only,
// which is what the admin list asks by default, takes its total from them instead of count(*).
import type { Config, DatabaseAdapterObj, Payload } from 'payload'

import { countedFind } from './services/countedFind'
import { compactListCountsTask } from './jobs/compactListCounts'

export { COMPACT_LIST_COUNTS_TASK } from './jobs/compactListCounts'
export { compactListCounts } from './services/compact'

export type ListCountsPluginOptions = {
  /** Collection slug to its table; each table needs the migration's triggers. */
  tables?: Record<string, string>
}

/** The tables whose triggers 20261206_211016_list_counts creates. */
export const COUNTED_TABLES: Record<string, string> = {
  'audit-logs': 'audit_logs',
  bookings: 'bookings',
  payments: 'payments',
  sessions: 'sessions',
}

export const listCountsPlugin =
  (options: ListCountsPluginOptions = {}) =>
  (config: Config): Config => {
    const tables = options.tables ?? COUNTED_TABLES
    const db = config.db as DatabaseAdapterObj
    return {
      ...config,
      db: {
        ...db,
        init: (args: { payload: Payload }) => {
          const adapter = db.init(args)
          adapter.find = countedFind(adapter, tables)
          return adapter
        },
      },
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), compactListCountsTask] },
    }
  }
