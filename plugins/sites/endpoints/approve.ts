import type { Endpoint } from 'payload'

import { z } from 'zod'

import { HttpError, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { approveArtist } from '../services/approval'
import { sitesOptions } from '../services/options'

const paramsSchema = z.object({ id: z.coerce.number().int().positive() })

/**
 * POST /api/artists/:id/approve: approves the artist, prepares its site and a one-time registration token,
 * then asks the deployer to put the site online. Approving again redeploys with a fresh token.
 */
export const approveArtistEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { id } = paramsSchema.parse(req.routeParams)
    const approval = await approveArtist(req, id)
    const { deployer, platformUrl } = sitesOptions(req.payload)
    const { registrationToken, ...approved } = approval
    try {
      const deployment = await deployer.deploy({
        artist: { ...approval.artist, siteId: approval.site.id },
        platformUrl,
        registrationToken,
        tenant: approval.tenant,
      })
      // Without a deployer, whoever deploys by hand needs the token: shown in this response only.
      const token = deployer.name === 'none' ? { registrationToken, registrationTokenExpiresAt: approval.registrationTokenExpiresAt } : {}
      return Response.json({ ...approved, ...token, deployment: { deployer: deployer.name, ...deployment } })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'Deployer failed', siteId: approval.site.id })
      throw new HttpError(502, 'The artist is approved but the deployer failed: approve again to retry.', undefined, {
        ...approved,
        code: 'deploy_failed',
      })
    }
  }),
  method: 'post',
  path: '/:id/approve',
}
