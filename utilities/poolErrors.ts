import type { Payload } from 'payload'
import type { Pool } from 'pg'

/**
 * node-postgres emits 'error' on the pool when the server drops an idle connection (restart,
 * failover). Unheard, that event would crash the process; logged, the pool reconnects on next use.
 */
export function logIdlePoolErrors(payload: Payload): void {
  const pool = (payload.db as { pool?: Pool }).pool
  pool?.on('error', (error) => payload.logger.warn(`PostgreSQL dropped an idle connection: ${error.message}`))
}
