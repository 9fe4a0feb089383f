import type { TaskConfig } from 'payload'

import { compactListCounts } from '../services/compact'

export const COMPACT_LIST_COUNTS_TASK = 'compactListCounts'

/** Every five minutes: each table's and studio's count deltas folded into one row (sums stay exact). */
export const compactListCountsTask: TaskConfig = {
  slug: COMPACT_LIST_COUNTS_TASK,
  handler: async ({ req }) => ({ output: { rows: await compactListCounts(req) } }),
  outputSchema: [{ name: 'rows', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
}
