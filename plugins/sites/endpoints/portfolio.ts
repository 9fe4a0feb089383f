import type { Endpoint, PayloadRequest } from 'payload'

import type { Media } from '../../../payload-types'

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { z } from 'zod'

import { notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { authenticateSite, publishedArtistOf } from '../services/siteAuth'

const paramsSchema = z.object({ mediaId: z.coerce.number().int().positive() })

/** The file from the media collection's storage handler (object storage), or null on local disk. */
async function fromStorageAdapter(req: PayloadRequest, media: Media): Promise<null | Response> {
  for (const handler of req.payload.collections.media.config.upload.handlers ?? []) {
    const answer = await handler(req, { doc: media, headers: new Headers(), params: { collection: 'media', filename: media.filename ?? '' } })
    if (answer instanceof Response) {
      if (answer.status !== 200) throw notFound('No such image in this artist’s portfolio.')
      return answer
    }
  }
  return null
}

/**
 * GET /api/sites/me/portfolio/:mediaId with `X-Site-Key`: the file of one image of the site's own approved
 * artist's portfolio (the site proxies it to its visitors). Anything else is 404.
 */
export const sitePortfolioEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { mediaId } = paramsSchema.parse(req.routeParams)
    const site = await authenticateSite(req)
    const artist = await publishedArtistOf(req, site, { depth: 0 })
    const portfolio = (artist?.portfolio ?? []).map((item) => idOf(item))
    if (!portfolio.includes(mediaId)) throw notFound('No such image in this artist’s portfolio.')
    const media = await req.payload.findByID({ id: mediaId, collection: 'media', depth: 0, overrideAccess: true })
    if (idOf(media.tenant ?? 0) !== site.tenant_id) throw notFound('No such image in this artist’s portfolio.')
    if (!media.filename) throw notFound('No such image in this artist’s portfolio.')
    // Object storage (S3_BUCKET) serves the file through the adapter's handler, as /api/media/file does.
    const stored = await fromStorageAdapter(req, media)
    if (stored) return stored
    const staticDir = req.payload.collections.media.config.upload.staticDir ?? ''
    const file = path.join(path.resolve(staticDir), path.basename(media.filename ?? ''))
    const size = await stat(file).then((info) => info.size, () => null)
    if (!media.filename || size === null) throw notFound('No such image in this artist’s portfolio.')
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
      headers: {
        'Cache-Control': 'private, max-age=300',
        'Content-Length': String(size),
        'Content-Type': media.mimeType ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  }),
  method: 'get',
  path: '/me/portfolio/:mediaId',
}
