export type SignupPluginOptions = {
  /** @default true */
  enabled?: boolean
  /** The app's public base URL (links in emails), without a trailing slash. */
  publicUrl: string
  /** Slugs nobody may sign up with, beyond the app's own first path segments. @default [] */
  reservedSlugs?: string[]
  /** Every signup answer takes at least this long, so that timing does not tell a fresh address from a known one. @default 1500 */
  responseFloorMs?: number
  /** Signups (fresh or not) one client IP may post per hour. @default 10 */
  signupsPerIpPerHour?: number
  /** Slug checks one client IP may make per minute. @default 60 */
  slugChecksPerMinute?: number
  /** How long a new studio's trial lasts. @default 14 */
  trialDays?: number
  /** Days before the trial ends that owners are reminded. @default 3 */
  trialReminderDays?: number
  /** Signups not yet verified, per email domain, in any hour. @default 5 */
  unverifiedPerDomainPerHour?: number
  /** Unverified signups older than this are deleted, tenant and all. @default 7 */
  unverifiedRetentionDays?: number
}
