// Once per `vitest run`: find or start a PostgreSQL server; at the end, drop what the run created.
import type { TestProject } from 'vitest/node'

import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { startEmbeddedPostgres } from '../../utilities/embeddedPostgres'
import { dropRunDatabases } from './databaseServer'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string
    testRunId: string
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  let stopServer = async () => {}
  let serverUrl: string
  if (external) {
    serverUrl = external
    console.log('[tests] PostgreSQL from', process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'DATABASE_URL')
  } else {
    const runDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-test-pg-'))
    // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
    await chmod(runDir, 0o755)
    const dataDir = path.join(runDir, 'data')
    const embedded = await startEmbeddedPostgres({ dataDir, persistent: false, port: await freePort() })
    serverUrl = embedded.serverUrl
    stopServer = embedded.stop
    console.log('[tests] PostgreSQL: embedded, started for this run')
  }
  const runId = `atelier_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  project.provide('databaseServerUrl', serverUrl)
  project.provide('testRunId', runId)

  return async () => {
    await dropRunDatabases(serverUrl, runId)
    await stopServer()
  }
}
