import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { CurrencyPluginOptions } from '../types'

export const CURRENCY_OPTIONS_KEY = 'atelierCurrency'
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'
/** Where rates come from, as answers name it. */
export const PROVIDER = 'ecb'

export type ResolvedCurrencyOptions = Required<Omit<CurrencyPluginOptions, 'enabled'>>

export const currencyOptionsFromEnv = (env: AtelierEnv): CurrencyPluginOptions => ({
  maxAgeDays: env.ATELIER_RATES_MAX_AGE_DAYS,
  ratesUrl: env.ATELIER_RATES_URL,
})

export const resolveCurrencyOptions = (options: CurrencyPluginOptions): ResolvedCurrencyOptions => ({
  maxAgeDays: options.maxAgeDays ?? 4,
  ratesUrl: options.ratesUrl ?? ECB_DAILY_URL,
  refreshRateLimit: options.refreshRateLimit ?? 10,
})

export const currencyOptions = (payload: Payload): ResolvedCurrencyOptions => payload.config.custom[CURRENCY_OPTIONS_KEY] as ResolvedCurrencyOptions
