// Payload's own job endpoints on the path the workers take. `GET /api/payload-jobs/handle-schedules` called
// Payload's handleSchedules operation directly, past the per-queue schedule lock (scheduleOneAtATime): it
// now calls payload.jobs.handleSchedules, as `/run` and the workers do (`/run` claims through db.updateJobs,
// so its claims are already exclusive). A web node runs no queue, so both answer 409 there.
import type { Endpoint, PayloadHandler } from 'payload'

import type { JobsRole } from '../types'

import { conflict, withErrorHandling } from '../../../utilities/apiErrors'

type JobEndpoint = Omit<Endpoint, 'root'>

const RUN_PATHS = new Set(['/handle-schedules', '/run'])

const isTrue = (value: unknown) => Boolean(value) && value !== 'false'

/** Payload's handle-schedules handler, with its one call going through payload.jobs.handleSchedules. */
const handleSchedulesLocked: PayloadHandler = async (req) => {
  const jobsConfig = req.payload.config.jobs
  const hasAccess = await (jobsConfig.access?.run ?? (() => true))({ req })
  if (!hasAccess) return Response.json({ message: req.i18n.t('error:unauthorized') }, { status: 401 })
  if (!jobsConfig.scheduling) return Response.json({ message: 'No task or workflow has a schedule.' }, { status: 200 })
  const { allQueues, queue } = req.query as { allQueues?: unknown; queue?: string }
  const { errored, queued, skipped } = await req.payload.jobs.handleSchedules({ allQueues: isTrue(allQueues), queue, req })
  return Response.json({ errored, message: req.i18n.t('general:success'), queued, skipped })
}

const refusedOnWeb: PayloadHandler = withErrorHandling(async () => {
  throw conflict('This node (ATELIER_ROLE=web) runs no job queue: the workers run them.', 'role_web')
})

/** The jobs collection's endpoints for `role`: schedules through the lock, and no run at all on a web node. */
export function routeJobEndpoints(endpoints: JobEndpoint[], role: JobsRole): JobEndpoint[] {
  return endpoints.map((endpoint) => {
    if (!RUN_PATHS.has(endpoint.path) || endpoint.method !== 'get') return endpoint
    if (role === 'web') return { ...endpoint, handler: refusedOnWeb }
    return endpoint.path === '/handle-schedules' ? { ...endpoint, handler: handleSchedulesLocked } : endpoint
  })
}
