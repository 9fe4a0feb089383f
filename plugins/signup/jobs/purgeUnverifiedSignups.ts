import type { TaskConfig } from 'payload'

import { purgeUnverifiedSignups } from '../services/purgeUnverified'

export const PURGE_UNVERIFIED_TASK = 'purgeUnverifiedSignups'

/** Daily at 03:15 UTC: signups never verified within the retention period go, tenant and all. */
export const purgeUnverifiedSignupsTask: TaskConfig = {
  slug: PURGE_UNVERIFIED_TASK,
  handler: async ({ req }) => ({ output: { studiosDeleted: await purgeUnverifiedSignups(req, new Date()) } }),
  outputSchema: [{ name: 'studiosDeleted', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '15 3 * * *', queue: 'nightly' }],
}
