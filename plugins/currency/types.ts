export type CurrencyPluginOptions = {
  enabled?: boolean
  /** Conversions refuse rates older than this many days (409 `rates_stale`). @default 4 (a weekend and a holiday) */
  maxAgeDays?: number
  /** Manual refreshes per super admin per hour. @default 10 */
  refreshRateLimit?: number
  /** The ECB daily reference rates file. @default the ECB's public eurofxref-daily.xml */
  ratesUrl?: string
}
