// Themes: a studio's look on its public pages as `--atelier-*` CSS variables, light and dark, each text
// colour checked against its background at WCAG AA; one default theme per studio, made at signup. And how
// the admin looks to each person: light, dark, the system's or dark on a schedule, and their own colours.
import type { Config } from 'payload'

import type { ThemesPluginOptions } from './types'

import { registerProvisioner } from '../signup'
import { Themes } from './collections/Themes'
import { themeCssEndpoint } from './endpoints/themeCss'
import { putUserColoursEndpoint, putUserThemeEndpoint } from './endpoints/userTheme'
import { userThemeFields } from './fields/userThemeFields'
import { forgetThemeCss } from './services/cssCache'
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
      admin: {
        ...config.admin,
        components: { ...config.admin?.components, providers: [...(config.admin?.components?.providers ?? []), '/plugins/themes/admin/AdminThemeProvider#AdminThemeProvider'] },
      },
      collections: [
        ...(config.collections ?? []).map((collection) => {
          if (collection.slug === 'users') return { ...collection, fields: [...collection.fields, ...userThemeFields] }
          // A studio renamed or suspended: its stylesheets are answered afresh.
          if (collection.slug === 'tenants') return { ...collection, hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), () => forgetThemeCss()] } }
          return collection
        }),
        { ...Themes, endpoints: [themeCssEndpoint] },
      ],
      endpoints: [...(config.endpoints ?? []), putUserThemeEndpoint, putUserColoursEndpoint],
    }
  }
