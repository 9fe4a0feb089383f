// Migrations one node at a time. Payload's migrate (@payloadcms/drizzle/dist/migrate.js) reads the applied
// list, then runs each missing migration in its own transaction, with no lock: two nodes starting together
// over a fresh database both run the first migration, and the loser's failure ends its process (exit 1).
// Every migrate (Payload's prodMigrations at connect, runMigrations, the CLI) here first takes a
// session-level advisory lock on one dedicated connection: the second node waits, then reads the applied
// list on the primary and finds nothing left to do.
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'
import type { Pool, PoolClient } from 'pg'

import { readMigrationFiles } from 'payload'

/** The advisory lock's key, hashed by PostgreSQL (`hashtext`). */
export const MIGRATION_LOCK = 'atelier:migrations'

type Migrate = NonNullable<Payload['db']['migrate']>
type MigrateArgs = Parameters<Migrate>[0]

/** Runs `work` while this process holds the migration lock, on a connection of its own (released after). */
export async function withMigrationLock<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let failure: Error | undefined
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK])
    try {
      return await work(client)
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK])
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error))
    throw error
  } finally {
    // A connection that failed is closed rather than pooled: its lock, if any, goes with it.
    client.release(failure)
  }
}

/** Names in payload_migrations, read on the lock's connection (the primary, never a replica). */
async function appliedMigrations(client: PoolClient): Promise<Set<string>> {
  const table = await client.query<{ present: boolean }>(`select to_regclass('payload_migrations') is not null as present`)
  if (!table.rows[0]?.present) return new Set()
  const applied = await client.query<{ name: string }>('select name from payload_migrations')
  return new Set(applied.rows.map((row) => row.name))
}

/** The adapter with its `migrate` under the migration lock, given only the migrations still missing. */
export function migrateOneAtATime<T extends DatabaseAdapterObj>(adapterResult: T): T {
  return {
    ...adapterResult,
    init: (args: { payload: Payload }) => {
      const adapter = adapterResult.init(args)
      const migrate = adapter.migrate.bind(adapter)
      adapter.migrate = async (migrateArgs?: MigrateArgs) => {
        const pool = (adapter as unknown as { pool?: Pool }).pool
        if (!pool) return migrate(migrateArgs)
        const wanted = (migrateArgs?.migrations ?? (await readMigrationFiles({ payload: args.payload }))) as Migration[]
        await withMigrationLock(pool, async (client) => {
          const applied = await appliedMigrations(client)
          const missing = wanted.filter((migration) => !applied.has(migration.name))
          if (!missing.length) return
          await migrate({ ...migrateArgs, migrations: missing })
        })
      }
      return adapter
    },
  }
}
