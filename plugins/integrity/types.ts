export type IntegrityPluginOptions = {
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
}
