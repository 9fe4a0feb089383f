// When PostgreSQL cannot answer (a dropped connection, a restart, a server that is down): how we tell, what the
// client gets (503 `database_unavailable` with Retry-After), which reads are tried again, and the log line.
import type { Payload, PayloadRequest } from 'payload'

import { getDataLoader } from 'payload'

/** Seconds a client should wait before trying again: a dropped connection is back at once, a restart takes a few. */
export const DATABASE_RETRY_AFTER_SECONDS = 2

export const DATABASE_UNAVAILABLE = 'database_unavailable'
const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable for a moment. Please try again.'

// SQLSTATE class 08 (connection exception), 57P01–57P05 (admin, crash or idle-session shutdown, cannot connect now,
// database dropped) and 53300 (too many connections).
const UNAVAILABLE_CODE = /^(08[0-9A-Z]{3}|57P0[1-5]|53300)$/
// What node-postgres and pg-pool say when a connection dies, cannot be made in time, or the pool has ended; and
// what the server says when it takes no connections for now (SQLSTATE 55000 alone is too broad).
const DRIVER_MESSAGE =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)|is not currently accepting connections/
// A socket that cannot reach the server or was cut: the database's only when a query or the database's port says so.
const SOCKET_CODE = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)$/
const SOCKET_CODE_IN_TEXT = /\b(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND)\b/

type ErrorLike = { cause?: unknown; code?: unknown; message?: unknown; port?: unknown }

/** `error` and its causes, outermost first (drizzle wraps the driver's error in a DrizzleQueryError). */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = []
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    chain.push(current as ErrorLike)
    current = (current as ErrorLike).cause
  }
  return chain
}

/**
 * True when `error` means the database could not answer, rather than refused the statement: a connection
 * exception or shutdown code, node-postgres's words for a dead or unobtainable connection, or a socket error
 * (ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT…) from a query or from the database's own `port`.
 */
export function isDatabaseUnavailable(error: unknown, database: { port?: number } = {}): boolean {
  const chain = chainOf(error)
  const fromQuery = chain.some(({ message }) => typeof message === 'string' && message.startsWith('Failed query:'))
  return chain.some(({ code, message, port }) => {
    if (typeof code === 'string' && UNAVAILABLE_CODE.test(code)) return true
    const text = typeof message === 'string' ? message : ''
    if (DRIVER_MESSAGE.test(text)) return true
    // Payload's beginTransaction keeps only the words of its cause.
    if (text.startsWith('Error: cannot begin transaction:') && SOCKET_CODE_IN_TEXT.test(text)) return true
    if (typeof code !== 'string' || !SOCKET_CODE.test(code)) return false
    return fromQuery || (database.port !== undefined && port === database.port)
  })
}

/** The port of the app's PostgreSQL, from the pool's connection string: what tells its socket errors from others'. */
export function databasePort(payload: Pick<Payload, 'db'> | undefined): number | undefined {
  const options = (payload?.db as { pool?: { options?: { connectionString?: string; port?: number } } } | undefined)?.pool?.options
  if (options?.port) return Number(options.port)
  try {
    return options?.connectionString ? Number(new URL(options.connectionString).port || 5432) : undefined
  } catch {
    return undefined
  }
}

/** The answer to a request the database could not serve: the body, status and headers of a 503. */
export const databaseUnavailableAnswer = () => ({
  body: { code: DATABASE_UNAVAILABLE, errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
  headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  status: 503,
})

// One warning when a burst of failures starts, then at most one a minute while it lasts.
const REMIND_MS = 60_000
const outage: { failing: boolean; warnedAt: null | number } = { failing: false, warnedAt: null }

/** Logs that the database could not serve a request, once per burst: an outage fails every request at once. */
export function warnDatabaseUnavailable(payload: Pick<Payload, 'logger'> | undefined, error: unknown): void {
  outage.failing = true
  if (outage.warnedAt !== null && Date.now() - outage.warnedAt < REMIND_MS) return
  outage.warnedAt = Date.now()
  const reason = chainOf(error).map(({ message }) => (typeof message === 'string' ? message.split('\n')[0] : '')).findLast(Boolean)
  payload?.logger.warn(`PostgreSQL unavailable: ${reason ?? 'no reason given'}. Requests answer 503 until it is back; the rest of this burst is not logged.`)
}

/** Says once that the database answers again after a burst of failures (health checks call it). */
export function noteDatabaseAnswers(payload: Pick<Payload, 'logger'>): void {
  if (!outage.failing) return
  outage.failing = false
  outage.warnedAt = null
  payload.logger.info('PostgreSQL answers again')
}

// Requests (by their Headers, the one object the auth strategies and the request share) whose credentials could
// not be checked because the database did not answer.
const unverifiedCredentials = new WeakMap<Headers, unknown>()

/** Notes that the credentials `headers` carry could not be checked: the database failed with `error`. */
export const noteUncheckedCredentials = (headers: Headers, error: unknown): void => void unverifiedCredentials.set(headers, error)

/**
 * The database failure that kept a request's credentials from being checked, if any. Payload then goes on
 * with no user, so a refusal of that request (401, 403) is the database's failure, not the client's.
 */
export const uncheckedCredentialsOf = (req: undefined | { headers?: Headers }): unknown =>
  req?.headers ? unverifiedCredentials.get(req.headers) : undefined

const RETRY_PAUSE_MS = 100

/**
 * Runs a read, and runs it once more when the database could not answer the first time: a query on a
 * connection that was just dropped fails, the next gets a fresh one. Reads only, and never inside a
 * transaction (its work would be lost with its connection). Writes are not retried: each runs in one
 * transaction, so a failed write left nothing half-done, and the client tries again on the 503's Retry-After.
 */
export async function retryReadOnce<T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (req.transactionID !== undefined || !isDatabaseUnavailable(error, { port: databasePort(req.payload) })) throw error
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS))
    // Payload's loader remembers each find's promise, the failed one included.
    req.payloadDataLoader = getDataLoader(req)
    return read()
  }
}
