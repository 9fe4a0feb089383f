import type { TaskConfig } from 'payload'

import { runTrialLifecycle } from '../services/trialLifecycle'

export const TRIAL_LIFECYCLE_TASK = 'trialLifecycle'

/** Daily: owners of trials ending within the reminder window are reminded; trials that ended unpaid are suspended. */
export const trialLifecycleTask: TaskConfig = {
  slug: TRIAL_LIFECYCLE_TASK,
  handler: async ({ req }) => ({ output: await runTrialLifecycle(req, new Date()) }),
  outputSchema: [
    { name: 'reminded', type: 'number' },
    { name: 'suspended', type: 'number' },
  ],
  retries: 2,
  schedule: [{ cron: '30 3 * * *', queue: 'nightly' }],
}
