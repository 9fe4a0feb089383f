import type { Endpoint } from 'payload'

import { z } from 'zod'

import { notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { parseQuery } from '../../../utilities/parseRequest'
import { namedOrHostStudio } from '../../booking'
import { cachedCss } from '../services/cssCache'
import { matchesEtag, strongEtag, themeCss } from '../services/themeCss'

const params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) })
// `v` is the page's cache buster (the theme's last change).
const query = z.object({ tenant: z.string().trim().min(1).max(63).optional(), v: z.string().max(40).optional() }).strict()

/**
 * GET /api/themes/:id/css?tenant=<slug> (no login; the studio from the host on its own domain): the theme as
 * `--atelier-*` variables, with a strong ETag (304 on If-None-Match) and five minutes of caching. A theme of
 * another studio, or of a suspended one, is 404.
 */
export const themeCssEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { id } = params.parse(req.routeParams)
    const { tenant: slug, v: version } = parseQuery(req, query)
    // The version is in the key: a page that links a newer version never gets a sheet this node kept from before.
    const { body, etag } = await cachedCss(`${(req.headers.get('host') ?? '').toLowerCase()}|${slug ?? ''}|${id}|${version ?? ''}`, async () => {
      const studio = await namedOrHostStudio(req, slug)
      const theme = await req.payload.findByID({ id, collection: 'themes', depth: 0, disableErrors: true, overrideAccess: true, req })
      if (!theme || idOf(theme.tenant) !== studio.id) throw notFound('Theme not found.')
      const css = themeCss(theme.light, theme.dark)
      return { body: css, etag: strongEtag(css) }
    })
    const headers = { 'Cache-Control': 'public, max-age=300', ETag: etag }
    if (matchesEtag(req.headers.get('if-none-match'), headers.ETag)) return new Response(null, { headers, status: 304 })
    return new Response(body, { headers: { ...headers, 'Content-Type': 'text/css; charset=utf-8' } })
  }),
  method: 'get',
  path: '/:id/css',
}
