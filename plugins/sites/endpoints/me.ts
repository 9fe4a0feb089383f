import type { Endpoint } from 'payload'

import { z } from 'zod'

import type { Media } from '../../../payload-types'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { parseQuery } from '../../../utilities/parseRequest'
import { CONTENT_LOCALES } from '../../../utilities/locales'
import { authenticateSite, publishedArtistOf } from '../services/siteAuth'

const querySchema = z.object({ locale: z.enum(CONTENT_LOCALES.map(({ code }) => code)).optional() }).strict()

type LexicalNode = { children?: LexicalNode[]; text?: string; type?: string }

/** Plain text of a rich text value, paragraphs separated by blank lines. */
function plainText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null)?.root
  if (!root) return ''
  const textOf = (node: LexicalNode): string => node.text ?? (node.children ?? []).map(textOf).join('')
  return (root.children ?? []).map(textOf).filter(Boolean).join('\n\n')
}

/**
 * GET /api/sites/me with `X-Site-Key`: the site and its artist's published data, nothing of anyone else.
 * An artist who is not (or no longer) approved publishes nothing.
 */
export const siteMeEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { locale } = parseQuery(req, querySchema)
    const site = await authenticateSite(req)
    const artist = await publishedArtistOf(req, site, { depth: 1, locale })
    // Only the studio's own images: a portfolio must never publish another studio's upload.
    const portfolio = (artist?.portfolio ?? []).filter((item): item is Media => typeof item === 'object' && idOf(item.tenant) === site.tenant_id)
    return Response.json({
      artist: artist
        ? {
            bio: artist.bio ?? null,
            bioText: plainText(artist.bio),
            id: artist.id,
            name: artist.name,
            // Served to the site only, with its key: the site proxies them to visitors.
            portfolio: portfolio.map((item) => ({ alt: item.alt ?? '', id: item.id, url: `/api/sites/me/portfolio/${item.id}` })),
          }
        : null,
      site: { id: site.id, name: site.name, status: site.status, url: site.url },
    })
  }),
  method: 'get',
  path: '/me',
}
