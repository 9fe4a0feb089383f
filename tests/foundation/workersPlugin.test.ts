// ATELIER_ROLE in the config: a web node starts no autoRun cron (no run, no schedule); the others keep them.
import type { Config, Payload } from 'payload'

import { describe, expect, it } from 'vitest'

import { workersPlugin } from '../../plugins/workers'

const config = {
  jobs: {
    autoRun: [
      { cron: '* * * * *', queue: 'default' },
      { cron: '*/10 * * * *', queue: 'nightly' },
    ],
    shouldAutoRun: () => true,
    tasks: [],
  },
} as unknown as Config
const payload = {} as Payload

describe('workersPlugin', () => {
  it('a web node has no autoRun cron and never auto-runs', async () => {
    const jobs = workersPlugin({ role: 'web' })(config).jobs!
    expect(jobs.autoRun).toEqual([])
    expect(await jobs.shouldAutoRun!(payload)).toBe(false)
  })

  it.each(['all', 'worker'] as const)('a %s node keeps the crons and the rule', async (role) => {
    const jobs = workersPlugin({ role })(config).jobs!
    expect(jobs.autoRun).toBe(config.jobs!.autoRun)
    expect(await jobs.shouldAutoRun!(payload)).toBe(true)
  })

  it('refuses job settings that would claim jobs around its exclusive claims', () => {
    expect(() => workersPlugin()({ ...config, jobs: { ...config.jobs, runHooks: true } })).toThrow(/runHooks/)
  })
})
