import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { signedInUser } from '../../../utilities/signedInUser'
import { ADMIN_LANGUAGES, LANGUAGE_CODES, LANGUAGES } from '../../../utilities/locales'
import { LANGUAGE_COOKIE } from '../services/negotiate'

const languageBody = z.object({ language: z.enum(LANGUAGE_CODES) }).strict()
const YEAR_SECONDS = 365 * 86_400

const cookie = (name: string, value: string, secure: boolean) => `${name}=${value}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure ? '; Secure' : ''}`
const isHttps = (serverURL: string | undefined) => (serverURL ?? '').startsWith('https://')

/** GET /api/i18n/languages (anyone): `[{ code, label, nativeLabel, adminSupported }]`. */
export const languagesEndpoint: Endpoint = {
  handler: withErrorHandling(async () =>
    Response.json(
      LANGUAGES.map(({ code, label, nativeLabel }) => ({ adminSupported: ADMIN_LANGUAGES.some((admin) => admin.code === code), code, label, nativeLabel })),
      { headers: { 'Cache-Control': 'public, max-age=300' } },
    ),
  ),
  method: 'get',
  path: '/i18n/languages',
}

/** POST /api/i18n/set `{ language }` (signed in): saved on the person; the admin and their emails follow it. */
export const setLanguageEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const { language } = await parseBody(req, languageBody)
    await req.payload.update({ collection: 'users', data: { languagePreference: language }, depth: 0, id: user.id, overrideAccess: true, req })
    // Payload's admin reads its language from this cookie.
    const cookiePrefix = req.payload.config.cookiePrefix || 'payload'
    return Response.json({ language }, { headers: { 'Set-Cookie': cookie(`${cookiePrefix}-lng`, language, isHttps(req.payload.config.serverURL)) } })
  }),
  method: 'post',
  path: '/i18n/set',
}

/** POST /api/i18n/set-session `{ language }` (no login): the public pages' language, in the atelier-lang cookie. */
export const setSessionLanguageEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { language } = await parseBody(req, languageBody)
    return Response.json({ language }, { headers: { 'Set-Cookie': cookie(LANGUAGE_COOKIE, language, isHttps(req.payload.config.serverURL)) } })
  }),
  method: 'post',
  path: '/i18n/set-session',
}
