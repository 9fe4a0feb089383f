export type InternalCollectionsPluginOptions = {
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
  /**
   * The secret an external cron presents as `Authorization: Bearer <secret>` to run queues over HTTP.
   * Unset: only super admins run them.
   * @default undefined
   */
  jobsSecret?: string
}
