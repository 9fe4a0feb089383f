// A PostgreSQL database for one benchmark run: on DATABASE_URL's server, or an embedded one.
import { chmod, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { createThrowawayDatabase, dropDatabase } from '../tests/helpers/databaseServer'
import { startEmbeddedPostgres } from '../utilities/embeddedPostgres'

export async function benchDatabase(): Promise<{ drop: () => Promise<void>; url: string }> {
  let serverUrl = process.env.DATABASE_URL
  let stop = async () => {}
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'atelier-bench-pg-'))
    await chmod(dir, 0o755)
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false, port: 54400 + Math.floor(Math.random() * 500) })
    serverUrl = embedded.serverUrl
    stop = embedded.stop
  }
  const database = await createThrowawayDatabase(serverUrl, 'atelier_bench')
  return {
    drop: async () => {
      await dropDatabase(serverUrl, database.name)
      await stop()
    },
    url: database.url,
  }
}
