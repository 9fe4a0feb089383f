// Themes: a studio's look on its public pages as `--atelier-*` CSS variables, light and dark, each text
// colour checked against its background at WCAG AA; one default theme per studio, made at signup.
import type { Config } from 'payload'

import type { ThemesPluginOptions } from './types'

import { registerProvisioner } from '../signup'
import { Themes } from './collections/Themes'
import { themeCssEndpoint } from './endpoints/themeCss'
import { provisionDefaultTheme } from './services/studioTheme'
import { themeCss } from './services/themeCss'
import { DEFAULT_DARK, DEFAULT_LIGHT } from './services/tokens'

export { defaultThemeOf, type ThemeReference } from './services/studioTheme'
export { DEFAULT_DARK, DEFAULT_LIGHT, type ModeTokens } from './services/tokens'
export type { ThemesPluginOptions } from './types'

/** The platform's look, for pages of a studio without a theme; zero specificity, so a studio's theme wins. */
export const platformThemeCss = (): string => themeCss(DEFAULT_LIGHT, DEFAULT_DARK, ':where(:root)')

export const themesPlugin =
  (options: ThemesPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const withProvisioner = registerProvisioner(config, provisionDefaultTheme)
    return {
      ...withProvisioner,
      collections: [...(config.collections ?? []), { ...Themes, endpoints: [themeCssEndpoint] }],
    }
  }
