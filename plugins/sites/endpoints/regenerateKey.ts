import type { Endpoint } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { poolDb } from '../../../utilities/transactionDb'
import { regenerateSiteKey } from '../services/rotation'
import { siteById } from '../services/siteRows'

const paramsSchema = z.object({ id: z.coerce.number().int().positive() })

/**
 * POST /api/sites/:id/regenerate-key: a new key, in this response only. The old key works for the grace
 * window; the new one is pushed to the site now, and retried by the jobs queue if that fails.
 */
export const regenerateKeyEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id } = paramsSchema.parse(req.routeParams)
    const rotation = await regenerateSiteKey(req, id)
    // First attempt right away, outside the request's transaction (now committed).
    await req.payload.jobs.runByID({ id: rotation.jobId, silent: true })
    const site = await siteById(poolDb(req.payload), id)
    return Response.json({
      key_prefix: rotation.keyPrefix,
      new_key: rotation.newKey,
      pushed: site?.pending_key_sealed === null && site.status !== 'out_of_sync',
      success: true,
    })
  }),
  method: 'post',
  path: '/:id/regenerate-key',
}
