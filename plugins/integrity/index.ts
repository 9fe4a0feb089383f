// Integrity: rules every collection keeps, whichever plugin added it. List it after the plugins that add
// collections.
import type { Config } from 'payload'

import type { IntegrityPluginOptions } from './types'

import { dropServerTimestamps } from './hooks/dropServerTimestamps'

export type { IntegrityPluginOptions } from './types'

export const integrityPlugin =
  (options: IntegrityPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: { ...collection.hooks, beforeOperation: [dropServerTimestamps, ...(collection.hooks?.beforeOperation ?? [])] },
      })),
    }
  }
