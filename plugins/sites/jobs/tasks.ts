import type { TaskConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { SitesPluginOptions } from '../types'

import { poolDb } from '../../../utilities/transactionDb'
import { PUSH_KEY_TASK, pushPendingKey } from '../services/rotation'

/** Delivers a rotated key to its site; retried with exponential backoff until the site's attempt budget is spent. */
export const pushSiteKeyTask = ({ keyPush }: SitesPluginOptions): TaskConfig => ({
  slug: PUSH_KEY_TASK,
  handler: async ({ input, req }) => ({ output: { outcome: await pushPendingKey(req, (input as { siteId: number }).siteId) } }),
  inputSchema: [{ name: 'siteId', type: 'number', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: keyPush.attempts, backoff: { delay: keyPush.backoffMs, type: 'exponential' } },
})

/** Daily: active sites not heard from in `staleDays` turn inactive (a later call makes them active again). */
export const markStaleSitesTask = ({ staleDays }: SitesPluginOptions): TaskConfig => ({
  slug: 'markStaleSites',
  handler: async ({ req }) => {
    const result = (await poolDb(req.payload).execute(sql`
      update sites set status = 'inactive'
      where status = 'active' and coalesce(last_sync, created_at) < now() - make_interval(days => ${staleDays}::int)`)) as { rowCount: null | number }
    return { output: { markedInactive: result.rowCount ?? 0 } }
  },
  outputSchema: [{ name: 'markedInactive', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '45 3 * * *', queue: 'nightly' }],
})
