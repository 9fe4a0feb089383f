// The PostgreSQL server a test run uses, and the throwaway databases each test file makes on it.
import { randomBytes } from 'node:crypto'
import { chmod, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { databaseUrl, type EmbeddedDatabase, startEmbeddedPostgres } from '../../utilities/embeddedPostgres'
import { freePort } from '../../utilities/freePort'

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

/** Creates an empty database named after the run, and returns its URL. */
export async function createThrowawayDatabase(serverUrl: string, runId: string): Promise<{ name: string; url: string }> {
  const name = `${runId}_${randomBytes(4).toString('hex')}`
  await withClient(serverUrl, (client) => client.query(`create database ${quoteIdent(name)}`))
  return { name, url: databaseUrl(serverUrl, name) }
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
