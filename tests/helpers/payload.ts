// Boots Payload for one test file on its own fresh database, a copy of the run's migrated template. One app per
// file: REST routes find Payload through getPayload's process-wide cache, under its default key. A worker runs one
// file after another in one process, so each app gets a config of its own and leaves that cache empty.
import type { Payload, SanitizedConfig } from 'payload'

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { inject } from 'vitest'

import { forgetProcessCaches } from '../../utilities/processCaches'
import { runMigrations } from '../../utilities/runMigrations'
import { createThrowawayDatabase, dropDatabase } from './databaseServer'
import { RestClient } from './rest'

export type TestApp = {
  close: () => Promise<void>
  config: SanitizedConfig
  databaseName: string
  payload: Payload
  rest: RestClient
}

/** Payload keeps the instance getPayload made in `global._payload`, by key; a destroyed one must not be found. */
const forgetCachedPayload = () => (globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')

/**
 * `env` sets extra variables before the config loads, e.g. `SMTP_HOST`/`SMTP_PORT` of a test mail server;
 * as a function it gets the test database's URL (a replica URL pointing at it).
 */
export async function startTestApp(
  env: ((databaseUrl: string) => Record<string, string>) | Record<string, string> = {},
): Promise<TestApp> {
  const serverUrl = inject('databaseServerUrl')
  const database = await createThrowawayDatabase(serverUrl, inject('testRunId'), inject('templateDatabase') || undefined)
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-test-media-'))
  Object.assign(process.env, { ATELIER_MEDIA_DIR: mediaDir, DATABASE_URL: database.url, ...(typeof env === 'function' ? env(database.url) : env) })

  forgetProcessCaches()
  const { atelierConfig } = await import('../../payload.config')
  const config = await atelierConfig()
  forgetCachedPayload()
  const payload = await getPayload({ config })
  // Finds every migration applied in the template; still puts the platform strings in place.
  await runMigrations(payload)

  return {
    close: async () => {
      await payload.destroy()
      forgetCachedPayload()
      await dropDatabase(serverUrl, database.name)
      await rm(mediaDir, { force: true, recursive: true })
    },
    config,
    databaseName: database.name,
    payload,
    rest: new RestClient(config),
  }
}
