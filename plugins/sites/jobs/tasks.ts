import type { TaskConfig } from 'payload'

import type { SitesPluginOptions } from '../types'

import { markStaleSites } from '../services/liveness'
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
  handler: async ({ req }) => ({ output: { markedInactive: await markStaleSites(req.payload, staleDays) } }),
  outputSchema: [{ name: 'markedInactive', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '45 3 * * *', queue: 'nightly' }],
})
