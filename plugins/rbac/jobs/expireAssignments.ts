import type { TaskConfig } from 'payload'

import { removeExpiredAssignments } from '../services/expireAssignments'

// moved; remove after the second round (the audit log still imports it from here).
export { ROLE_EXPIRED_CONTEXT } from '../context'

/** Daily housekeeping: removes expired assignments (audited as `role_expired`). */
export const expireAssignmentsTask: TaskConfig = {
  slug: 'expireRoleAssignments',
  handler: async ({ req }) => ({ output: { removed: await removeExpiredAssignments(req) } }),
  outputSchema: [{ name: 'removed', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '30 3 * * *', queue: 'nightly' }],
}
