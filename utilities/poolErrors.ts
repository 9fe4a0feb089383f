import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

/**
 * node-postgres emits 'error' on the pool when the server drops an idle connection (restart,
 * failover). Unheard, that event would crash the process; logged, the pool reconnects on next use.
 * A client checked out between two statements (a transaction, a worker's claim) has no listener of the
 * pool's: heard here too, its next statement fails instead, and the pool drops it when it is released.
 */
export function logIdlePoolErrors(payload: Payload): void {
  const pool = (payload.db as { pool?: Pool }).pool
  pool?.on('error', (error) => payload.logger.warn(`PostgreSQL dropped an idle connection: ${error.message}`))
  const heard = new WeakSet<PoolClient>()
  pool?.on('acquire', (client) => {
    if (heard.has(client)) return
    heard.add(client)
    client.on('error', (error) => payload.logger.warn(`PostgreSQL dropped a connection in use: ${error.message}`))
  })
}
