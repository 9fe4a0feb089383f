// Integrity: rules every collection keeps, whichever plugin added it. List it after the plugins that add
// collections.
import type { Config } from 'payload'

import type { IntegrityPluginOptions } from './types'

import { dropServerTimestamps } from './hooks/dropServerTimestamps'
import { keepUploadSourcesServerSide } from './hooks/keepUploadSourcesServerSide'
import { refuseUnlistedDuplicates } from './hooks/refuseUnlistedDuplicates'

export type { IntegrityPluginOptions } from './types'

const DEFAULT_DUPLICABLE = ['booking-policies', 'roles', 'rooms']

export const integrityPlugin =
  (options: IntegrityPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const duplicable = options.duplicable ?? DEFAULT_DUPLICABLE
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        disableDuplicate: collection.disableDuplicate ?? !duplicable.includes(collection.slug),
        hooks: {
          ...collection.hooks,
          beforeOperation: [dropServerTimestamps, refuseUnlistedDuplicates, keepUploadSourcesServerSide, ...(collection.hooks?.beforeOperation ?? [])],
        },
      })),
    }
  }
