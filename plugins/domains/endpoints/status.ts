import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { diagnoseDomain } from '../services/verification'
import { visibleDomain } from './visibleDomain'

/**
 * GET /api/domains/:id/status, the domain doctor: `{ status, checks: { txt, target, caa, tls } }`. `tls` is
 * `{ ok, address, authorized, authorizationError, covers, issuer, notAfter, daysLeft, subjectAltNames, error }`.
 * A verified domain with a covering, unexpired certificate turns `active`. Needs domains:read: 400 bad id,
 * 401 signed out, 404 not visible.
 */
export const statusEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const domain = await visibleDomain(req)
    return Response.json(await diagnoseDomain(req, domain, new Date()))
  }),
  method: 'get',
  path: '/:id/status',
}
