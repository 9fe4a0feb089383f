// Content locales. Add one here and it reaches Payload's localization and every locale picker.
export const CONTENT_LOCALES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const

export type ContentLocale = (typeof CONTENT_LOCALES)[number]['code']
export const DEFAULT_LOCALE: ContentLocale = 'en'

export const localeOptions = CONTENT_LOCALES.map(({ code, label }) => ({ label, value: code }))

// Languages of the admin panel itself (Payload's i18n), separate from content locales.
export const ADMIN_LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
] as const

export const adminLanguageOptions = ADMIN_LANGUAGES.map(({ code, label }) => ({ label, value: code }))

// The languages emails are written in; anything else (unset, a locale without copy) reads English.
export type EmailLocale = 'en' | 'fr'
export const emailLocaleOf = (value: unknown): EmailLocale => (value === 'fr' ? 'fr' : 'en')
