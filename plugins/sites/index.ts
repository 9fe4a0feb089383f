// Artist sites: approval, deployment, self-registration, key rotation and the sites admin. List it before
// the audit log (which hooks its collections) and tenancy (which scopes them).
import type { Config } from 'payload'

import type { SitesPluginOptions } from './types'

import { Artists } from './collections/Artists'
import { Sites } from './collections/Sites'
import { approveArtistEndpoint } from './endpoints/approve'
import { siteMeEndpoint } from './endpoints/me'
import { sitePortfolioEndpoint } from './endpoints/portfolio'
import { regenerateKeyEndpoint } from './endpoints/regenerateKey'
import { createRegisterEndpoint } from './endpoints/register'
import { markStaleSitesTask, pushSiteKeyTask } from './jobs/tasks'
import { resolveSitesOptions, SITES_OPTIONS_KEY } from './services/options'

export { sitesOptionsFromEnv } from './services/options'
export { stopLocalSites } from './services/deployers'
export type { SitesPluginOptions } from './types'

export const sitesPlugin =
  (options: SitesPluginOptions) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      collections: [
        ...(config.collections ?? []),
        { ...Artists, endpoints: [approveArtistEndpoint] },
        { ...Sites, endpoints: [createRegisterEndpoint(options.registerRateLimit), siteMeEndpoint, sitePortfolioEndpoint, regenerateKeyEndpoint] },
      ],
      custom: { ...config.custom, [SITES_OPTIONS_KEY]: resolveSitesOptions(options) },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (process.env.NODE_ENV === 'production' && (options.allowPrivate || options.httpHosts.length > 0)) {
          payload.logger.warn('Sites may register on private addresses or over plain http: ATELIER_SITES_ALLOW_PRIVATE and ATELIER_SITES_HTTP_HOSTS are for development and tests.')
        }
      },
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), pushSiteKeyTask(options), markStaleSitesTask(options)] },
    }
  }
