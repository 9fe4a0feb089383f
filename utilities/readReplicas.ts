// The read replicas' pools (DATABASE_REPLICA_URLS): the adapter opens one per URL and neither listens for their
// errors.
import type { Payload } from 'payload'
import type { Pool } from 'pg'

type ReplicaDrizzle = { $client?: Pool }

/** One pool per replica; empty without replicas. */
export const replicaPools = (payload: Payload): Pool[] =>
  ((payload.db.drizzle as unknown as { $replicas?: ReplicaDrizzle[] }).$replicas ?? []).flatMap((replica) =>
    replica.$client ? [replica.$client] : [],
  )

/** A replica that restarts drops its idle connections: logged (unheard, the pool's 'error' would crash the process). */
export function logReplicaPoolErrors(payload: Payload): void {
  for (const pool of replicaPools(payload)) {
    pool.on('error', (error) => payload.logger.warn(`A read replica dropped an idle connection: ${error.message}`))
  }
}

