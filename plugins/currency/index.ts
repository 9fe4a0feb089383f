// Currency: the platform's currencies, the ECB's daily reference rates (kept as exact decimals, history
// included), exact conversion through EUR with a stale-rate guard, and each user's display currency.
// Platform-wide: no collection here is tenant-scoped.
import type { Config, Field } from 'payload'

import type { CurrencyPluginOptions } from './types'

import { personalFieldAccess } from '../../access/personalField'
import { registerPriceDisplay } from '../booking'
import { Currencies } from './collections/Currencies'
import { ExchangeRates } from './collections/ExchangeRates'
import { convertEndpoint, ratesEndpoint, refreshEndpoint } from './endpoints/currencies'
import { getUserCurrencyEndpoint, putUserCurrencyEndpoint } from './endpoints/userCurrency'
import { RATES_QUEUE, refreshExchangeRatesTask } from './jobs/refreshExchangeRates'
import { CURRENCY_OPTIONS_KEY, resolveCurrencyOptions } from './services/options'
import { displaySnapshot } from './services/convert'
import { queueRefreshOnce } from './services/queueRefreshOnce'
import { latestRates } from './services/rateCache'
import { ageInDays } from './services/staleness'

export { convertAmount, type ConvertAnswer, usableRates } from './services/convert'
export { convertMinor, crossRate, type RateTable } from './services/conversion'
export { canConvertTo, convertedMinorSql } from './services/conversionSql'
export { currencyOptionsFromEnv } from './services/options'
export { latestRates, ratesOn } from './services/rateCache'
export type { CurrencyPluginOptions } from './types'

// Written through PUT /api/user/currency, which checks the currency is active.
const displayCurrencyField: Field = {
  name: 'displayCurrency',
  type: 'text',
  access: personalFieldAccess,
  admin: {
    components: { Field: '/plugins/currency/admin/DisplayCurrencyField#DisplayCurrencyField' },
    description: 'Amounts also show converted into this currency, at the newest exchange rates.',
    position: 'sidebar',
  },
  label: 'Display currency',
  maxLength: 3,
}

export const currencyPlugin =
  (options: CurrencyPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const resolved = resolveCurrencyOptions(options)
    // A public booking keeps the converted price its customer was shown (booking's seam).
    const withDisplay = registerPriceDisplay(config, (req, request) => displaySnapshot(req.payload, request))
    return {
      ...withDisplay,
      collections: [
        ...(config.collections ?? []).map((collection) => (collection.slug === 'users' ? { ...collection, fields: [...collection.fields, displayCurrencyField] } : collection)),
        { ...Currencies, endpoints: [convertEndpoint, ratesEndpoint, refreshEndpoint({ rateLimit: resolved.refreshRateLimit })] },
        ExchangeRates,
      ],
      custom: { ...withDisplay.custom, [CURRENCY_OPTIONS_KEY]: resolved },
      endpoints: [...(config.endpoints ?? []), getUserCurrencyEndpoint, putUserCurrencyEndpoint],
      jobs: {
        ...config.jobs,
        // The rates queue is looked at every five minutes, where the config runs jobs from a list.
        autoRun: Array.isArray(config.jobs?.autoRun) ? [...config.jobs.autoRun, { cron: '*/5 * * * *', queue: RATES_QUEUE }] : config.jobs?.autoRun,
        tasks: [...(config.jobs?.tasks ?? []), refreshExchangeRatesTask],
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // Rates older than a day at start (a new install, a server down over the publication): fetch them now,
        // in the background, where this process runs jobs at all; once across the processes starting together.
        const runsJobs = (await payload.config.jobs.shouldAutoRun?.(payload)) ?? true
        if (!runsJobs) return
        try {
          const latest = await latestRates(payload)
          if (!latest || ageInDays(latest.date, new Date()) > 1) await queueRefreshOnce(payload)
        } catch (error) {
          // A database not yet migrated (a script that migrates after init): the weekday schedule still runs.
          payload.logger.warn({ err: error, msg: 'Exchange rates not checked at start' })
        }
      },
    }
  }
