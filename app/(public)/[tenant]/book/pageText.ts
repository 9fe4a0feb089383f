// Server side of the public pages' words: the page's language (the visitor's cookie, else their browser's
// languages, else the studio's default), its strings (the studio's overrides, the platform's, English),
// the languages the menu offers, and the booking page's title. Once per request and studio.
import type { Metadata } from 'next'

import config from '@payload-config'
import { cookies, headers } from 'next/headers'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { Tenant } from '../../../../payload-types'
import type { LanguageOption } from './LanguageMenu'

import { LANGUAGE_COOKIE, type Messages, messagesFor, pageLanguage, translate } from '../../../../plugins/i18n'
import { LANGUAGES } from '../../../../utilities/locales'
import { bookingPageMetadata } from '../../studioPages'

export type PageText = { language: string; languages: LanguageOption[]; messages: Messages }

/** The language and strings of a page of `studio` (null: a platform page, the platform's strings). */
export const pageText = cache(async (studio: null | Tenant): Promise<PageText> => {
  const [cookieJar, headerList] = await Promise.all([cookies(), headers()])
  const language = pageLanguage({
    acceptLanguage: headerList.get('accept-language'),
    cookie: cookieJar.get(LANGUAGE_COOKIE)?.value,
    studioDefault: studio?.defaultLocale,
  })
  const messages = await messagesFor(await getPayload({ config }), { locale: language, namespace: 'booking-page', tenantId: studio?.id ?? null })
  return { language, languages: LANGUAGES.map(({ code, nativeLabel }) => ({ code, nativeLabel })), messages }
})

/** The booking page's metadata (canonical URL from the studio) with its title in the page's language. */
export async function bookingMetadata(studio: null | Tenant): Promise<Metadata> {
  const [metadata, { messages }] = await Promise.all([bookingPageMetadata(studio), pageText(studio)])
  return { ...metadata, title: studio ? translate(messages, 'booking.meta.title', { studio: studio.name }) : translate(messages, 'booking.eyebrow') }
}

/** A page's title in its language: `key` from the page's strings. */
export async function pageTitle(studio: null | Tenant, key: string): Promise<string> {
  return translate((await pageText(studio)).messages, key)
}

/** A customer's booking page: the access code travels in the link, so no indexing and no Referer. */
export async function manageMetadata(studio: null | Tenant): Promise<Metadata> {
  return { referrer: 'no-referrer', robots: { follow: false, index: false }, title: await pageTitle(studio, 'manage.title') }
}
