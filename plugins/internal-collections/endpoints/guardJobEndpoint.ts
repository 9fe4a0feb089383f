// Payload's own job endpoints (`GET /api/payload-jobs/run`, `/handle-schedules`) behind our checks: the
// caller first (super admin or cron secret), then the query (zod), then Payload's handler.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { forbidden, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { isSuperAdminOrCron } from '../access/superAdminOrCron'

const flag = z.enum(['true', 'false']).optional()
const queue = z.string().min(1).max(64).optional()

// The parameters Payload reads; anything else is a mistake worth a 400.
const querySchemas: Record<string, z.ZodType> = {
  '/handle-schedules': z.object({ allQueues: flag, queue }).strict(),
  '/run': z
    .object({ allQueues: flag, disableScheduling: flag, limit: z.coerce.number().int().min(1).max(1000).optional(), queue, silent: flag })
    .strict(),
}

type JobEndpoint = Omit<Endpoint, 'root'>

export const guardJobEndpoint = (endpoint: JobEndpoint, jobsSecret: string | undefined): JobEndpoint => ({
  ...endpoint,
  handler: withErrorHandling(async (req) => {
    if (!isSuperAdminOrCron(req, jobsSecret)) {
      throw req.user ? forbidden('Only super admins run jobs.') : unauthorized('Running jobs needs a super admin or the jobs secret.')
    }
    const schema = querySchemas[endpoint.path]
    if (schema) parseQuery(req, schema)
    return endpoint.handler(req)
  }),
})
