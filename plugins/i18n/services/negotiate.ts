// The language of a public page: the visitor's choice (the atelier-lang cookie), else the first of their
// browser's languages (Accept-Language, by weight) that the platform has, else the studio's. Pure.
import { isLanguageCode, type LanguageCode } from '../../../utilities/locales'

export const LANGUAGE_COOKIE = 'atelier-lang'

function acceptedLanguages(header: null | string): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';')
      const weight = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean)
      return { index, language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: weight === undefined ? 1 : Number(weight) }
    })
    .filter((entry) => entry.language && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.language)
}

export function pageLanguage({ acceptLanguage, cookie, studioDefault }: { acceptLanguage: null | string; cookie: null | string | undefined; studioDefault: null | string | undefined }): LanguageCode {
  if (isLanguageCode(cookie)) return cookie
  const accepted = acceptedLanguages(acceptLanguage).find(isLanguageCode)
  if (accepted) return accepted
  return isLanguageCode(studioDefault) ? studioDefault : 'en'
}
