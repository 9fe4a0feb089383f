// Once per `vitest run`: find or start a PostgreSQL server; at the end, drop what the run created.
import type { TestProject } from 'vitest/node'

import { randomBytes } from 'node:crypto'

import { createMigratedTemplate, dropRunDatabases, startTemporaryPostgres } from './databaseServer'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string
    /** The migrated database each integration test file copies; empty in the e2e run, whose apps migrate at start. */
    templateDatabase: string
    testRunId: string
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  let stopServer = async () => {}
  let serverUrl: string
  if (external) {
    serverUrl = external
    console.log('[tests] PostgreSQL from', process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL')
  } else {
    const embedded = await startTemporaryPostgres()
    serverUrl = embedded.serverUrl
    stopServer = embedded.stop
    console.log('[tests] PostgreSQL: embedded, started for this run')
  }
  const runId = `atelier_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  project.provide('databaseServerUrl', serverUrl)
  project.provide('testRunId', runId)
  try {
    project.provide('templateDatabase', process.env.ATELIER_E2E === '1' ? '' : await createMigratedTemplate(serverUrl, runId))
  } catch (error) {
    await dropRunDatabases(serverUrl, runId)
    await stopServer()
    throw error
  }

  return async () => {
    await dropRunDatabases(serverUrl, runId)
    await stopServer()
  }
}
