// A PostgreSQL database for one benchmark run: on DATABASE_URL's server, or an embedded one.
import { createThrowawayDatabase, dropDatabase, startTemporaryPostgres } from '../tests/helpers/databaseServer'

export async function benchDatabase(): Promise<{ drop: () => Promise<void>; url: string }> {
  let serverUrl = process.env.DATABASE_URL
  let stop = async () => {}
  if (!serverUrl) {
    const embedded = await startTemporaryPostgres()
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
