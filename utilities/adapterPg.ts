// node-postgres as the Postgres adapter gets it (`postgresAdapter({ pg })`), with one change to how a pool starts.
import type { PoolClient, PoolConfig } from 'pg'

import pg from 'pg'

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void

/**
 * The adapter (`@payloadcms/db-postgres` 3.88, `connect`) opens each pool with a bare `pool.connect()` and never
 * releases that client: one connection per pool held for good, and for a replica the promise is not even awaited,
 * so a replica down at boot was an unhandled rejection (a worker exited on it). Here a pool's first bare connect
 * opens a connection and releases it at once, then answers no client, which the adapter takes as "nothing to
 * keep". The primary's failure is still thrown (the adapter stops the boot, or creates a missing database); a
 * replica's is written to stderr, and its pool connects on first use, as after any drop.
 */
export function adapterPg(primaryUrl: string, replicaUrls: readonly string[]): typeof pg {
  class WarmingPool extends pg.Pool {
    #warmedUp = false

    constructor(config?: PoolConfig) {
      super(config)
      // Until onInit adds the app's listeners (utilities/poolErrors.ts, readReplicas.ts), a connection the server
      // drops must not be an uncaught exception; nor on a replica pool a dev reload makes again without onInit.
      this.on('error', (error) => {
        if (this.listenerCount('error') === 1) console.error(`PostgreSQL dropped an idle connection: ${error.message}`)
      })
    }

    override connect(): Promise<PoolClient>
    override connect(callback: ConnectCallback): void
    override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
      if (callback) return super.connect(callback)
      if (this.#warmedUp) return super.connect()
      this.#warmedUp = true
      // No client: the adapter checks for one (`if (!result) return`) before keeping it.
      return this.warmUp() as unknown as Promise<PoolClient>
    }

    private async warmUp(): Promise<undefined> {
      try {
        const client = await super.connect()
        client.release()
      } catch (error) {
        const url = this.options.connectionString ?? ''
        if (url === primaryUrl || !replicaUrls.includes(url)) throw error
        console.error(`A read replica could not be reached at start (${(error as Error).message}); its reads fail until it answers.`)
      }
      return undefined
    }
  }
  return { ...pg, Pool: WarmingPool } as typeof pg
}
