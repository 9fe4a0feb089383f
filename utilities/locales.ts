// The platform's languages. One line here adds a language everywhere: content locales (Payload's
// localization, every locale picker), the admin panel's language (Payload's own translations of it), a
// person's language preference, GET /api/i18n/languages and the public pages' language menu.
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { es } from '@payloadcms/translations/languages/es'
import { fr } from '@payloadcms/translations/languages/fr'

export const LANGUAGES = [
  { admin: en, code: 'en', label: 'English', nativeLabel: 'English' },
  { admin: fr, code: 'fr', label: 'French', nativeLabel: 'Français' },
  { admin: de, code: 'de', label: 'German', nativeLabel: 'Deutsch' },
  { admin: es, code: 'es', label: 'Spanish', nativeLabel: 'Español' },
] as const

export type LanguageCode = (typeof LANGUAGES)[number]['code']
export const LANGUAGE_CODES = LANGUAGES.map(({ code }) => code) as [LanguageCode, ...LanguageCode[]]
export const isLanguageCode = (value: unknown): value is LanguageCode => LANGUAGE_CODES.includes(value as LanguageCode)

// Content locales: every language, labelled in its own words.
export const CONTENT_LOCALES = LANGUAGES.map(({ code, nativeLabel }) => ({ code, label: nativeLabel }))
export type ContentLocale = LanguageCode
export const DEFAULT_LOCALE: ContentLocale = 'en'

export const localeOptions = CONTENT_LOCALES.map(({ code, label }) => ({ label, value: code }))

// Languages of the admin panel itself (Payload's i18n): those Payload translates, which is all of ours.
export const ADMIN_LANGUAGES = LANGUAGES.filter(({ admin }) => Boolean(admin)).map(({ code, nativeLabel }) => ({ code, label: nativeLabel }))
export const adminSupportedLanguages = Object.fromEntries(LANGUAGES.map(({ admin, code }) => [code, admin]))

export const adminLanguageOptions = ADMIN_LANGUAGES.map(({ code, label }) => ({ label, value: code }))

// The languages emails are written in; anything else (unset, a locale without copy) reads English.
export type EmailLocale = 'en' | 'fr'
export const emailLocaleOf = (value: unknown): EmailLocale => (value === 'fr' ? 'fr' : 'en')
