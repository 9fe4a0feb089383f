// Languages: the platform's languages and a person's or a visitor's choice of one, and the UI strings of the
// public pages and emails as translations a studio may override, looked up with fallbacks and cached.
import type { Config } from 'payload'

import type { I18nPluginOptions } from './types'

import { Translations } from './collections/Translations'
import { languagesEndpoint, setLanguageEndpoint, setSessionLanguageEndpoint } from './endpoints/languages'
import { missingTranslationsEndpoint } from './endpoints/missing'

export { ensurePlatformTranslations } from './services/platformDefaults'
export { messagesFor, type Messages } from './services/lookup'
export { translate } from './services/translate'
export { LANGUAGE_COOKIE, pageLanguage } from './services/negotiate'
export type { I18nPluginOptions } from './types'

export const i18nPlugin =
  (options: I18nPluginOptions = {}) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      collections: [...(config.collections ?? []), Translations],
      endpoints: [...(config.endpoints ?? []), languagesEndpoint, setLanguageEndpoint, setSessionLanguageEndpoint, missingTranslationsEndpoint],
    }
  }
