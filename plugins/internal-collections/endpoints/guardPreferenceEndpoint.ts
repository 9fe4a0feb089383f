// Payload's `/api/payload-preferences/:key` routes answer an anonymous caller 200 with a null value, and a
// delete of a key the caller does not have with a 500. Both leave in the project's shape instead.
import type { Endpoint, PayloadHandler } from 'payload'

import { errorResponse, notFound, unauthorized } from '../../../utilities/apiErrors'

export function guardPreferenceEndpoint(endpoint: Endpoint): Endpoint {
  if (endpoint.path !== '/:key') return endpoint
  const handler: PayloadHandler = async (req) => {
    if (!req.user) return errorResponse(unauthorized())
    if (endpoint.method === 'delete') {
      const key = String(req.routeParams?.key ?? '')
      const { totalDocs } = await req.payload.count({
        collection: 'payload-preferences',
        overrideAccess: true,
        req,
        where: { and: [{ key: { equals: key } }, { 'user.relationTo': { equals: req.user.collection } }, { 'user.value': { equals: req.user.id } }] },
      })
      if (totalDocs === 0) return errorResponse(notFound())
    }
    return endpoint.handler(req)
  }
  return { ...endpoint, handler }
}
