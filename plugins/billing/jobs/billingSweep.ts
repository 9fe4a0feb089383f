import type { TaskConfig } from 'payload'

import { expireEndedGrants } from '../services/credits'
import { suspendUnpaid } from '../services/dunning'

export const BILLING_SWEEP_TASK = 'billingSweep'

/** Hourly: studios past due beyond the grace period are suspended; AI-credit grants past their period expire. */
export const billingSweepTask: TaskConfig = {
  slug: BILLING_SWEEP_TASK,
  handler: async ({ req }) => {
    const now = new Date()
    return { output: { expiredGrants: await expireEndedGrants(req, now), suspended: await suspendUnpaid(req, now) } }
  },
  outputSchema: [
    { name: 'expiredGrants', type: 'number' },
    { name: 'suspended', type: 'number' },
  ],
  retries: 2,
  schedule: [{ cron: '15 * * * *', queue: 'default' }],
}
