// Which PostgreSQL the app uses: DATABASE_URL when set, otherwise an embedded server in .data/postgres.
import path from 'node:path'

import type { AtelierEnv } from '../utilities/env'

import {
  createDatabaseIfMissing,
  databaseUrl,
  describeDatabaseUrl,
  startEmbeddedPostgres,
} from '../utilities/embeddedPostgres'

export type ResolvedDatabase = { stop: () => Promise<void>; url: string }

export async function resolveDatabase(env: AtelierEnv): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    console.log(`[atelier] Database: ${describeDatabaseUrl(env.DATABASE_URL)} (from DATABASE_URL)`)
    return { stop: async () => {}, url: env.DATABASE_URL }
  }
  const dataDir = path.resolve('.data/postgres')
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true, port: env.EMBEDDED_PG_PORT })
  await createDatabaseIfMissing(embedded.serverUrl, 'atelier')
  const url = databaseUrl(embedded.serverUrl, 'atelier')
  console.log(`[atelier] Database: embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${dataDir}`)
  return { stop: embedded.stop, url }
}
