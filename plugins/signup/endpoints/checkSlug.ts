import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { requestMeta } from '../../../utilities/requestMeta'
import { signupOptions } from '../services/options'
import { slugVerdict } from '../services/slugs'

// Anything up to a generous length is answered (as `invalid` when it breaks the rule); beyond it is not a slug question.
const querySchema = z.object({ slug: z.string().trim().toLowerCase().min(1).max(200) }).strict()

/** GET /api/signup/check-slug?slug= : `{ slug, available, reason? }`, reason `taken`, `reserved` or `invalid`. */
export const checkSlugEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    await signupOptions(req.payload).slugCheckLimiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
    const { slug } = parseQuery(req, querySchema)
    return Response.json({ slug, ...(await slugVerdict(req, slug)) }, { headers: { 'Cache-Control': 'no-store' } })
  }),
  method: 'get',
  path: '/signup/check-slug',
}
