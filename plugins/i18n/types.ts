export type I18nPluginOptions = {
  /** Leave the plugin out of the config. @default true */
  enabled?: boolean
}
