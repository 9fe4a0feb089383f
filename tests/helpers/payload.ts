// Boots Payload for one test file on its own fresh database, a copy of the run's migrated template.
// One app per file: Payload and its config are module-level singletons.
import type { Payload, SanitizedConfig } from 'payload'

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload } from 'payload'
import { inject } from 'vitest'

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

  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })
  // Finds every migration applied in the template; still puts the platform strings in place.
  await runMigrations(payload)

  return {
    close: async () => {
      await payload.destroy()
      await dropDatabase(serverUrl, database.name)
      await rm(mediaDir, { force: true, recursive: true })
    },
    config,
    databaseName: database.name,
    payload,
    rest: new RestClient(config),
  }
}
