import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb } from '../utilities/transactionDb'

/** GET /api/health: liveness plus a round trip to PostgreSQL, for load balancers and the dev launcher. */
export const healthEndpoint: Endpoint = {
  handler: async (req) => {
    try {
      await poolDb(req.payload).execute(sql`select 1`)
      return Response.json({ db: 'ok', status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
    } catch (error) {
      req.payload.logger.warn(`Health check: database unreachable: ${error instanceof Error ? error.message : String(error)}`)
      return Response.json({ db: 'unreachable', status: 'error' }, { headers: { 'Cache-Control': 'no-store' }, status: 503 })
    }
  },
  method: 'get',
  path: '/health',
}
