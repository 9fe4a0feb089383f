// `npm run dev` and `npm start`: resolve the database, prepare it, then run Next and forward signals.
import { spawn } from 'node:child_process'

import { trustedProxiesNotice } from '../utilities/clientIp'
import { DEV_ADMIN_EMAIL, DEV_ADMIN_PASSWORD, loadEnv } from '../utilities/env'
import { resolveDatabase } from './database'

export async function launch(mode: 'dev' | 'start'): Promise<void> {
  if (mode === 'start') Object.assign(process.env, { NODE_ENV: 'production' })
  const env = loadEnv()
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

  const port = env.PORT
  const next = spawn(process.execPath, ['node_modules/next/dist/bin/next', mode, '--port', port], {
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
    stdio: 'inherit',
  })
  console.log(`[atelier] ${env.ATELIER_PUBLIC_URL}/admin`)

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    next.kill(signal)
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const exitCode = await new Promise<number>((resolve) => next.on('exit', (code) => resolve(code ?? 0)))
  await database.stop()
  process.exit(exitCode)
}

/** A refused configuration or a database that will not start: one clear line, no stack trace. */
export function reportFatal(error: unknown): never {
  console.error(`[atelier] Cannot start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
