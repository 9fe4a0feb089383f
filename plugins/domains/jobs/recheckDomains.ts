import type { TaskConfig } from 'payload'

import { recheckDomains } from '../services/recheckDomains'

export const RECHECK_DOMAINS_TASK = 'recheckDomains'

/** Daily: verified, active and failed domains have their DNS proof checked again (fail, recover, release). */
export const recheckDomainsTask: TaskConfig<'recheckDomains'> = {
  slug: RECHECK_DOMAINS_TASK,
  handler: async ({ req }) => ({ output: await recheckDomains(req, new Date()) }),
  outputSchema: [
    { name: 'checked', type: 'number' },
    { name: 'failing', type: 'number' },
    { name: 'failed', type: 'number' },
    { name: 'recovered', type: 'number' },
    { name: 'released', type: 'number' },
  ],
  retries: 2,
  schedule: [{ cron: '45 3 * * *', queue: 'nightly' }],
}
