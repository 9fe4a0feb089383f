export type ThemesPluginOptions = {
  /** Leave the plugin out of the config. @default true */
  enabled?: boolean
}
