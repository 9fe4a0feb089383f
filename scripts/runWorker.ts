// The worker process, loaded by scripts/worker.ts once the environment is checked: Payload without Next,
// the queues passed over by startWorkerLoop, a health port, and a graceful stop on SIGTERM or SIGINT.
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { getPayload } from 'payload'

import type { AtelierEnv } from '../utilities/env'

import { migrations } from '../migrations'
import config from '../payload.config'
import { queuesOf, releaseHeldJobs, startWorkerLoop } from '../plugins/workers'
import { poolDb } from '../utilities/transactionDb'

const HEALTH_PATHS = new Set(['/api/health', '/health'])

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The committed migrations the database lacks. A worker runs no runMigrations of its own; in production
 * Payload's prodMigrations run them when it connects, under the migration lock (utilities/migrationLock.ts).
 */
async function missingMigrations(payload: Payload): Promise<string[]> {
  const applied = await payload.find({ collection: 'payload-migrations', depth: 0, limit: 0, pagination: false })
  const names = new Set(applied.docs.map((doc) => doc.name))
  return migrations.map((migration) => migration.name).filter((name) => !names.has(name))
}

/** GET /health (or /api/health, as on web nodes): 200 when PostgreSQL answers, 503 when not or while stopping. */
function serveHealth(payload: Payload, port: number, isStopping: () => boolean): Promise<Server> {
  const answer = (response: ServerResponse, status: number, body: Record<string, string>) =>
    response.writeHead(status, { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' }).end(JSON.stringify({ ...body, role: 'worker' }))
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || !HEALTH_PATHS.has((request.url ?? '').split('?')[0] ?? '')) return answer(response, 404, { status: 'not_found' })
    if (isStopping()) return answer(response, 503, { status: 'stopping' })
    poolDb(payload)
      .execute(sql`select 1`)
      .then(
        () => answer(response, 200, { db: 'ok', status: 'ok' }),
        () => answer(response, 503, { db: 'unreachable', status: 'error' }),
      )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, () => resolve(server))
  })
}

export async function runWorker(env: AtelierEnv): Promise<void> {
  const payload = await getPayload({ config })
  const missing = await missingMigrations(payload).catch(() => ['all of them'])
  if (missing.length) {
    await payload.destroy()
    throw new Error(`The database lacks migrations (${missing.join(', ')}): start the web node (\`npm start\`) or run \`npm run migrate\` first.`)
  }

  let stopping = false
  const queues = await queuesOf(payload)
  const health = await serveHealth(payload, env.ATELIER_WORKER_HEALTH_PORT, () => stopping)
  const loop = startWorkerLoop(payload, { pollMs: env.ATELIER_WORKER_POLL_SECONDS * 1000, queues })
  console.log(
    `[atelier] Worker: queues ${queues.map(({ queue }) => queue).join(', ')} every ${env.ATELIER_WORKER_POLL_SECONDS} s; health on port ${env.ATELIER_WORKER_HEALTH_PORT}`,
  )

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const grace = env.ATELIER_SHUTDOWN_GRACE_SECONDS
    console.log(`[atelier] Worker: ${signal}: taking no new job, finishing those in hand (up to ${grace} s)`)
    const finished = await Promise.race([loop.stop().then(() => true), delay(grace * 1000).then(() => false)])
    if (!finished) {
      // Their handlers are cut short by the exit below; another worker runs them again.
      const released = await releaseHeldJobs(payload).catch(() => [])
      console.log(`[atelier] Worker: grace over, gave back ${released.length} unfinished job(s) to the queue${released.length ? ` (${released.join(', ')})` : ''}`)
    }
    console.log(`[atelier] Worker stopped after running ${loop.jobsRun()} job(s)`)
    health.close()
    // A job still running holds a pooled connection that payload.destroy() would wait for.
    if (finished) await payload.destroy()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}
