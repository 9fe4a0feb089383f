import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { HttpError, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { signedInUser } from '../../../utilities/signedInUser'
import { SKIP_AUDIT } from '../../audit-log'
import { checkColourAgainst, formatRatio, parseHex } from '../services/contrast'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time as HH:MM, 00:00 to 23:59.')
const zone = z.string().max(64).refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}, 'An IANA time zone, e.g. Europe/Paris.')

const themeSchema = z
  .object({
    mode: z.enum(['light', 'dark', 'auto', 'scheduled']),
    schedule: z.object({ darkFrom: clock, darkUntil: clock }).strict().optional(),
    timezone: zone.nullable().optional(),
  })
  .strict()
  .refine((body) => body.mode !== 'scheduled' || body.schedule, { message: 'A scheduled mode needs { darkFrom, darkUntil }.', path: ['schedule'] })

const hex = z.string().refine((value) => parseHex(value) !== null, 'A colour as #rgb or #rrggbb.')
const coloursSchema = z.object({ accent: hex.nullable().optional(), primary: hex.nullable().optional() }).strict()

/** The admin's own backgrounds (Payload's base-0 and base-1000): a person's colours must stand out on both. */
const ADMIN_BACKGROUNDS = ['#ffffff', '#000000']
/** They colour controls and marks, not text: WCAG 2.2's non-text contrast (1.4.11). */
const NON_TEXT_CONTRAST = 3

// A person's look of the admin is theirs alone: not audited, like their display currency.
const saveOnUser = (req: PayloadRequest, id: number | string, data: Record<string, unknown>) =>
  req.payload.update({ collection: 'users', context: { [SKIP_AUDIT]: true }, data, depth: 0, id, overrideAccess: true, req })

/** PUT /api/user/theme `{ mode, schedule?, timezone? }` (signed in): how the admin looks to this person. */
export const putUserThemeEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const { mode, schedule, timezone } = await parseBody(req, themeSchema)
    const themePreference = { darkFrom: schedule?.darkFrom ?? null, darkUntil: schedule?.darkUntil ?? null, mode, timezone: timezone ?? null }
    await saveOnUser(req, user.id, { themePreference })
    return Response.json({ mode, schedule: schedule ?? null, timezone: timezone ?? null })
  }),
  method: 'put',
  path: '/user/theme',
}

/** PUT /api/user/custom-colors `{ primary?, accent? }` (signed in; null clears one): each at 3:1 on the admin's light and dark backgrounds. */
export const putUserColoursEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const body = await parseBody(req, coloursSchema)
    const errors = (['primary', 'accent'] as const).flatMap((name) => {
      const colour = body[name]
      if (!colour) return []
      const worst = checkColourAgainst(colour, ADMIN_BACKGROUNDS, NON_TEXT_CONTRAST)
      if (!worst || worst.passes) return []
      return [{ message: `${name} on the admin background ${worst.background}: ${formatRatio(worst.ratio)}, needs ${NON_TEXT_CONTRAST}:1`, path: name }]
    })
    if (errors.length > 0) throw new HttpError(400, errors[0]!.message, errors, { code: 'contrast_too_low' })
    const current = (await req.payload.findByID({ collection: 'users', depth: 0, id: user.id, overrideAccess: true, req, select: { customColors: true } })).customColors
    const customColors = {
      accent: body.accent === undefined ? (current?.accent ?? null) : body.accent,
      primary: body.primary === undefined ? (current?.primary ?? null) : body.primary,
    }
    await saveOnUser(req, user.id, { customColors })
    return Response.json(customColors)
  }),
  method: 'put',
  path: '/user/custom-colors',
}
