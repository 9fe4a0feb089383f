// Which process runs the job queues (ATELIER_ROLE), and each job and each scheduled period taken by one
// process only, however many run them. Comes last in the plugin list: it sees every autoRun entry.
import type { CollectionConfig, Config } from 'payload'

import type { WorkersPluginOptions } from './types'

import { routeJobEndpoints } from './endpoints/jobEndpoints'
import { claimJobsOnce } from './services/claimJobsOnce'
import { scheduleOneAtATime } from './services/scheduleOneAtATime'
import { webRunsNoJobs } from './services/webRunsNoJobs'

export type { JobsRole, WorkersPluginOptions } from './types'
export { CLAIM_EXPIRY_MS, releaseAbandonedJobs, releaseHeldJobs } from './services/claimJobsOnce'
export { scheduleLockKey } from './services/scheduleOneAtATime'
export { queuesOf, startWorkerLoop, type WorkerLoop, type WorkerQueue } from './services/workerLoop'

export const workersPlugin =
  (options: WorkersPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    if (config.jobs?.runHooks || config.jobs?.depth) {
      // Payload then claims through payload.update instead of db.updateJobs, which claimJobsOnce replaces.
      throw new Error('workersPlugin: jobs.runHooks and jobs.depth would bypass the exclusive job claims.')
    }
    const role = options.role ?? 'all'
    const isWeb = role === 'web'
    const existingOverrides = config.jobs?.jobsCollectionOverrides
    // Ours on Payload's own collection, before any other override: their guards (who may call) stay outside.
    const jobsCollectionOverrides = ({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig => {
      const endpoints = defaultJobsCollection.endpoints
      const routed = { ...defaultJobsCollection, endpoints: Array.isArray(endpoints) ? routeJobEndpoints(endpoints, role) : endpoints }
      return existingOverrides ? existingOverrides({ defaultJobsCollection: routed }) : routed
    }
    return {
      ...config,
      jobs: {
        ...config.jobs,
        // A web node starts no cron at all: neither runs nor schedules jobs (workers do both).
        autoRun: isWeb ? [] : config.jobs?.autoRun,
        jobsCollectionOverrides,
        shouldAutoRun: isWeb ? () => false : config.jobs?.shouldAutoRun,
      },
      onInit: async (payload) => {
        claimJobsOnce(payload)
        scheduleOneAtATime(payload)
        // Runs asked for in requests (the immediate queue, runByID) stay queued for the workers.
        if (isWeb) webRunsNoJobs(payload)
        await config.onInit?.(payload)
      },
    }
  }
