// `npm run seed`: idempotent demo data (two studios with their people) plus the super admin.
import { loadEnv } from '../utilities/env'
import { resolveDatabase } from './database'
import { reportFatal } from './launch'

async function seed() {
  const env = loadEnv()
  const database = await resolveDatabase(env)
  process.env.DATABASE_URL = database.url
  try {
    const { prepareDatabase } = await import('./prepare')
    await prepareDatabase(env, { seedDemo: 'always' })
  } finally {
    await database.stop()
  }
}

await seed().catch(reportFatal)
