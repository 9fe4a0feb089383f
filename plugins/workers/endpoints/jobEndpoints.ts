// Payload's own job endpoints (`GET /api/payload-jobs/run`, `/handle-schedules`) on a web node: it runs no
// queue, so both answer 409 there, after the checks of who calls (internal-collections).
import type { Endpoint, PayloadHandler } from 'payload'

import type { JobsRole } from '../types'

import { conflict, withErrorHandling } from '../../../utilities/apiErrors'

type JobEndpoint = Omit<Endpoint, 'root'>

const RUN_PATHS = new Set(['/handle-schedules', '/run'])

const refusedOnWeb: PayloadHandler = withErrorHandling(async () => {
  throw conflict('This node (ATELIER_ROLE=web) runs no job queue: the workers run them.', 'role_web')
})

/** The jobs collection's endpoints for `role`: no run at all on a web node. */
export function routeJobEndpoints(endpoints: JobEndpoint[], role: JobsRole): JobEndpoint[] {
  return endpoints.map((endpoint) => {
    if (!RUN_PATHS.has(endpoint.path) || endpoint.method !== 'get') return endpoint
    return role === 'web' ? { ...endpoint, handler: refusedOnWeb } : endpoint
  })
}
