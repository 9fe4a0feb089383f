// Who may run the jobs queue over HTTP: a super admin, or an external cron holding the jobs secret.
import type { PayloadRequest, RunJobAccess } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { secretsEqual } from '../../../utilities/secrets'

const bearerToken = (headers: Headers): string | undefined => /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1]

export const isSuperAdminOrCron = (req: Pick<PayloadRequest, 'headers' | 'user'>, jobsSecret: string | undefined): boolean =>
  isSuperAdmin(req.user) || secretsEqual(bearerToken(req.headers), jobsSecret)

export const superAdminOrCron =
  (jobsSecret: string | undefined): RunJobAccess =>
  ({ req }) =>
    isSuperAdminOrCron(req, jobsSecret)

/** For `jobs.access.queue` and `.cancel`: our own code queues and cancels through the Local API, which skips these. */
export const superAdminOnly = ({ req }: { req: Pick<PayloadRequest, 'user'> }): boolean => isSuperAdmin(req.user)
