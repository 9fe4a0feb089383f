import type { TaskConfig } from 'payload'

import { RatesRefreshError, refreshRates } from '../services/refreshRates'

export const REFRESH_RATES_TASK = 'refreshExchangeRates'
/** A queue of its own: a slow provider never holds up the default queue's minute-by-minute work. */
export const RATES_QUEUE = 'rates'

/**
 * Weekdays at 16:00 UTC (17:00 CET, 18:00 CEST): after the ECB publishes, around 16:00 CET. A refused file
 * is logged and audited by the refresh; the old rates stay, and the next run tries again.
 */
export const refreshExchangeRatesTask: TaskConfig = {
  slug: REFRESH_RATES_TASK,
  handler: async ({ req }) => {
    try {
      return { output: await refreshRates(req) }
    } catch (error) {
      if (error instanceof RatesRefreshError) return { output: { error: error.message } }
      throw error
    }
  },
  outputSchema: [
    { name: 'date', type: 'text' },
    { name: 'inserted', type: 'number' },
    { name: 'error', type: 'text' },
  ],
  retries: 1,
  schedule: [{ cron: '0 16 * * 1-5', queue: RATES_QUEUE }],
}
