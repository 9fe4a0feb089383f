import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { noteDatabaseAnswers, retryReadOnce, warnDatabaseUnavailable } from '../utilities/databaseFaults'
import { poolDb } from '../utilities/transactionDb'

/** A health check answers within this, whatever the database does: a server that is down must not hang it. */
export const HEALTH_TIMEOUT_MS = 2_000

/** Settles as `work` does, or rejects once `ms` have passed; a late failure of `work` is ignored. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  work.catch(() => undefined)
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

/**
 * GET /api/health: liveness plus a round trip to PostgreSQL, for load balancers and the launchers. 200
 * `{ db: 'ok', status: 'ok' }`; 503 `{ db: 'unreachable', status: 'error' }` when `select 1` fails twice or takes
 * over 2 s, as long as the database is down, and 200 again once it is back (the pool reconnects by itself).
 */
export const healthEndpoint: Endpoint = {
  handler: async (req) => {
    try {
      await within(
        retryReadOnce(req, () => poolDb(req.payload).execute(sql`select 1`)),
        HEALTH_TIMEOUT_MS,
      )
      noteDatabaseAnswers(req.payload)
      return Response.json({ db: 'ok', status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
    } catch (error) {
      warnDatabaseUnavailable(req.payload, error)
      return Response.json({ db: 'unreachable', status: 'error' }, { headers: { 'Cache-Control': 'no-store' }, status: 503 })
    }
  },
  method: 'get',
  path: '/health',
}
