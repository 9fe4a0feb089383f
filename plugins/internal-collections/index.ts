// Payload's internal collections: jobs (super admins only; queues run over HTTP by a super admin or a
// cron holding the jobs secret), document locks (their holder's studios), preferences (their owner).
import type { CollectionConfig, Config } from 'payload'

import type { InternalCollectionsPluginOptions } from './types'

import { isSuperAdminAccess } from '../../access/isSuperAdmin'
import { superAdminOnly, superAdminOrCron } from './access/superAdminOrCron'
import { guardJobEndpoint } from './endpoints/guardJobEndpoint'
import { restrictInternalCollections } from './services/restrictInternalCollections'

export type { InternalCollectionsPluginOptions } from './types'

export const internalCollectionsPlugin =
  (options: InternalCollectionsPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const { jobsSecret } = options
    const existingOverrides = config.jobs?.jobsCollectionOverrides
    const jobsCollectionOverrides = ({ defaultJobsCollection }: { defaultJobsCollection: CollectionConfig }): CollectionConfig => {
      const jobs = existingOverrides ? existingOverrides({ defaultJobsCollection }) : defaultJobsCollection
      return {
        ...jobs,
        access: { ...jobs.access, create: isSuperAdminAccess, delete: isSuperAdminAccess, read: isSuperAdminAccess, update: isSuperAdminAccess },
        endpoints: jobs.endpoints === false ? false : (jobs.endpoints ?? []).map((endpoint) => guardJobEndpoint(endpoint, jobsSecret)),
      }
    }
    return {
      ...config,
      jobs: {
        ...config.jobs,
        access: { ...config.jobs?.access, cancel: superAdminOnly, queue: superAdminOnly, run: superAdminOrCron(jobsSecret) },
        jobsCollectionOverrides,
      },
      onInit: async (payload) => {
        // The last moment a plugin sees the built config; requests are served only after onInit.
        restrictInternalCollections(payload)
        await config.onInit?.(payload)
      },
    }
  }
