import type { Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

/** A burst of drops ends after this long without another. */
const BURST_QUIET_MS = 10_000

/**
 * One warning when connections start dropping, then one line counting the rest once the burst is over: a
 * restart or a `pg_terminate_backend` drops every connection at once, each with its own error.
 */
function dropReporter(payload: Payload): (where: string, error: Error) => void {
  let more = 0
  let burst: NodeJS.Timeout | undefined
  return (where, error) => {
    if (burst) {
      more++
      burst.refresh()
      return
    }
    payload.logger.warn(`PostgreSQL dropped ${where}: ${error.message}`)
    burst = setTimeout(() => {
      if (more > 0) payload.logger.warn(`PostgreSQL dropped ${more} more connection${more === 1 ? '' : 's'} in that burst`)
      more = 0
      burst = undefined
    }, BURST_QUIET_MS).unref()
  }
}

/**
 * node-postgres emits 'error' on the pool when the server drops an idle connection (restart,
 * failover). Unheard, that event would crash the process; logged, the pool reconnects on next use.
 * A client checked out between two statements (a transaction, a worker's claim) has no listener of the
 * pool's: heard here too, its next statement fails instead, and the pool drops it when it is released.
 */
export function logIdlePoolErrors(payload: Payload): void {
  const pool = (payload.db as { pool?: Pool }).pool
  const report = dropReporter(payload)
  pool?.on('error', (error) => report('an idle connection', error))
  const heard = new WeakSet<PoolClient>()
  pool?.on('acquire', (client) => {
    if (heard.has(client)) return
    heard.add(client)
    client.on('error', (error) => report('a connection in use', error))
  })
}
