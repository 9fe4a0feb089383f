// The PostgreSQL server a test run uses, and the throwaway databases each test file makes on it.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

import { databaseUrl, type EmbeddedDatabase, startEmbeddedPostgres } from '../../utilities/embeddedPostgres'
import { freePort } from '../../utilities/freePort'

const execFileAsync = promisify(execFile)

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

async function withClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates a database named after the run, and returns its URL: empty, or a copy of `template` (the run's
 * migrated template, far cheaper than migrating again).
 */
export async function createThrowawayDatabase(serverUrl: string, runId: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `${runId}_${randomBytes(4).toString('hex')}`
  const from = template ? ` template ${quoteIdent(template)}` : ''
  await withClient(serverUrl, (client) => client.query(`create database ${quoteIdent(name)}${from}`))
  return { name, url: databaseUrl(serverUrl, name) }
}

/** The run's template: created and migrated once, in a child process, before any test file starts. */
export async function createMigratedTemplate(serverUrl: string, runId: string): Promise<string> {
  const name = `${runId}_template`
  await withClient(serverUrl, (client) => client.query(`create database ${quoteIdent(name)}`))
  const script = path.join(import.meta.dirname, 'migrateTemplate.ts')
  // Up to three tries: tsx's loader on Node 20 now and then never settles the import (exit 13, see scripts/prepare.ts).
  for (let attempt = 1; ; attempt += 1) {
    try {
      await execFileAsync(process.execPath, ['--import', 'tsx', script, databaseUrl(serverUrl, name)], {
        env: { ...process.env, ATELIER_LOG_LEVEL: 'warn', NODE_ENV: 'test', REDIS_URL: '' },
        maxBuffer: 16 * 1024 * 1024,
      })
      return name
    } catch (error) {
      if (attempt === 3 || (error as { code?: unknown }).code !== 13) throw error
      console.warn(`[tests] migrating the template: the loader never settled (exit 13), try ${attempt + 1}`)
    }
  }
}

export const dropDatabase = (serverUrl: string, name: string) =>
  withClient(serverUrl, (client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`))

/** Drops every database a run created, including those of files that crashed. */
export const dropRunDatabases = (serverUrl: string, runId: string) =>
  withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${runId}\\_%`,
    ])
    for (const { datname } of rows) await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`)
  })

/** Refuses or allows new connections to a database: a database that is down, as the app sees it. */
export const setDatabaseReachable = (serverUrl: string, name: string, reachable: boolean) =>
  withClient(serverUrl, async (client) => {
    await client.query(`alter database ${quoteIdent(name)} allow_connections ${reachable}`)
    if (!reachable) {
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])
    }
  })

/** An embedded server in a temporary folder on a free port, deleted when stopped: for test runs and benchmarks. */
export async function startTemporaryPostgres(): Promise<EmbeddedDatabase> {
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-pg-'))
  // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
  await chmod(runDir, 0o755)
  return startEmbeddedPostgres({ dataDir: path.join(runDir, 'data'), persistent: false, port: await freePort() })
}
