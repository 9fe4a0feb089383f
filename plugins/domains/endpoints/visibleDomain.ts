// The domain a `/api/domains/:id/...` endpoint acts on, as its caller may see it.
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Domain } from '../../../payload-types'

import { unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'

// Beyond PostgreSQL's integer, an id is no domain's: 400 rather than a failed query.
const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

/** 400 for a bad id, 401 signed out, 404 for a domain the caller cannot read (missing or another studio's). */
export async function visibleDomain(req: PayloadRequest): Promise<Domain> {
  const { id } = paramsSchema.parse(req.routeParams ?? {})
  if (!req.user) throw unauthorized()
  return findVisible(req, 'domains', id, 'Domain not found.')
}
