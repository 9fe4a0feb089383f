// One error shape for every custom endpoint: Payload's `{ errors: [{ message, path? }] }`.
import type { AfterErrorHook, PayloadHandler, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'
import { ZodError } from 'zod'

import { databasePort, databaseUnavailableAnswer, isDatabaseUnavailable, uncheckedCredentialsOf, warnDatabaseUnavailable } from './databaseFaults'

export type ErrorEntry = { message: string; path?: string }

/** A failure the client caused or may see: it carries its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly entries: ErrorEntry[] = [{ message }],
    /** Extra top-level keys some clients expect beside `errors` (e.g. a machine-readable `code`). */
    readonly extra: Record<string, unknown> = {},
    /** Response headers, e.g. `Retry-After` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/**
 * A status change its transition table does not allow (of a booking, a session): 409 `illegal_transition`,
 * from custom endpoints (`errorResponse`) and from Payload's REST (the collections' `afterError` hook).
 */
export class IllegalTransitionError extends APIError {
  constructor(
    readonly from: string,
    readonly to: string,
    subject = 'booking',
  ) {
    super(`A ${subject} cannot go from ${from} to ${to}.`, 409, null, true)
    this.name = 'IllegalTransitionError'
  }
}

export const badRequest = (message: string, path?: string) =>
  new HttpError(400, message, [{ message, ...(path ? { path } : {}) }])
export const unauthorized = (message = 'You must be logged in.') => new HttpError(401, message)
export const forbidden = (message = 'You are not allowed to perform this action.') => new HttpError(403, message)
export const notFound = (message = 'Not found.') => new HttpError(404, message)
export const conflict = (message: string, code?: string) =>
  new HttpError(409, message, [{ message }], code ? { code } : {})

const joinPath = (path: PropertyKey[]) => (path.length > 0 ? { path: path.map(String).join('.') } : {})

/** One entry per offending field; an unknown key is reported at its own path. */
export const zodIssuesToEntries = (error: ZodError): ErrorEntry[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ message: `Unknown field "${key}".`, ...joinPath([...issue.path, key]) }))
      : [{ message: issue.message, ...joinPath(issue.path) }],
  )

export const errorBody = (entries: ErrorEntry[], extra: Record<string, unknown> = {}) => ({ errors: entries, ...extra })

const SLOT_TAKEN_MESSAGE = 'That time is no longer available.'

/** The PostgreSQL error code of `error` or of one of its causes (drizzle wraps the driver's error). */
function postgresCode(error: unknown): string | undefined {
  for (let current = error as { cause?: unknown; code?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code
    current = current.cause as typeof current
  }
  return undefined
}

/** PostgreSQL refused a write under an exclusion constraint (23P01): two reservations overlap. */
export const isExclusionViolation = (error: unknown): boolean => postgresCode(error) === '23P01'

/** PostgreSQL refused a write under a unique constraint (23505). */
export const isUniqueViolation = (error: unknown): boolean => postgresCode(error) === '23505'

/** Text PostgreSQL cannot store (22021: a NUL character): bad input wherever it came in. */
export const isUnstorableText = (error: unknown): boolean => postgresCode(error) === '22021'
const UNSTORABLE_TEXT_MESSAGE = 'Text may not contain NUL characters.'

/**
 * A refusal of ours is an APIError whose `data` holds a machine-readable `code` (e.g. `tenant_suspended`) and
 * maybe more keys for the client (`limit`, `used`): all of them, for beside `errors`, or undefined without a code.
 */
const apiErrorExtra = (error: unknown): Record<string, unknown> | undefined => {
  const data = error instanceof APIError ? (error.data as null | Record<string, unknown>) : null
  if (typeof data?.code !== 'string') return undefined
  const { errors: _errors, ...extra } = data
  return extra
}

/**
 * For the config's `afterError`: Payload's own endpoints answer a database that could not answer with 503
 * `database_unavailable` and Retry-After (Payload would answer 500), unstorable text with 400, not 500, and keep
 * the `code` (and the rest of `data`) of a refusal of ours (an APIError under 500 with `data.code`), which they would drop.
 */
export const answerRestErrorsInProjectShape: AfterErrorHook = ({ error, req }) => {
  if (isDatabaseUnavailable(error, { port: databasePort(req.payload) }) || refusedForUncheckedCredentials(error, req)) {
    const { body, headers, status } = databaseUnavailableAnswer()
    req.responseHeaders = new Headers([...(req.responseHeaders?.entries() ?? []), ...Object.entries(headers)])
    return { response: body, status }
  }
  if (isUnstorableText(error)) return { response: errorBody([{ message: UNSTORABLE_TEXT_MESSAGE }]), status: 400 }
  // A query naming a field the collection lacks, e.g. `?prefix=` on a file URL (the storage adapter reads it).
  if (error instanceof APIError && error.message.startsWith('Cannot find field for path')) return { response: errorBody([{ message: 'The request names a field that does not exist.' }]), status: 400 }
  // A refusal of ours thrown in a hook: its entries and code, as a custom endpoint would answer it.
  if (error instanceof HttpError && error.status < 500) return { response: errorBody(error.entries, error.extra), status: error.status }
  const extra = apiErrorExtra(error)
  if (extra && error instanceof APIError && error.status < 500) return { response: errorBody([{ message: error.message }], extra), status: error.status }
  return undefined
}

/** The one answer to an overlap, from a custom endpoint or Payload's REST (`afterError`). */
export const slotTakenBody = () => errorBody([{ message: SLOT_TAKEN_MESSAGE }], { code: 'slot_taken' })

/** The one answer to an illegal status change, from a custom endpoint or Payload's REST (`afterError`). */
export const illegalTransitionBody = (error: IllegalTransitionError) => errorBody([{ message: error.message }], { code: 'illegal_transition' })

/** A 401 or 403 to a request whose credentials the database could not check: that refusal is the database's failure. */
const refusedForUncheckedCredentials = (error: unknown, req: undefined | { headers?: Headers }): boolean => {
  const status = (error as { status?: unknown } | undefined)?.status
  return (status === 401 || status === 403) && uncheckedCredentialsOf(req) !== undefined
}

/** Maps anything thrown in an endpoint to a JSON response; unexpected errors are logged, never shown. */
export function errorResponse(error: unknown, req?: Pick<PayloadRequest, 'payload'> & Partial<Pick<PayloadRequest, 'headers'>>): Response {
  if (isDatabaseUnavailable(error, { port: databasePort(req?.payload) }) || refusedForUncheckedCredentials(error, req)) {
    warnDatabaseUnavailable(req?.payload, uncheckedCredentialsOf(req) ?? error)
    const { body, headers, status } = databaseUnavailableAnswer()
    return Response.json(body, { headers, status })
  }
  if (isExclusionViolation(error)) return Response.json(slotTakenBody(), { status: 409 })
  if (isUnstorableText(error)) return Response.json(errorBody([{ message: UNSTORABLE_TEXT_MESSAGE }]), { status: 400 })
  if (error instanceof HttpError) {
    return Response.json(errorBody(error.entries, error.extra), { headers: error.headers, status: error.status })
  }
  if (error instanceof ZodError) {
    return Response.json(errorBody(zodIssuesToEntries(error)), { status: 400 })
  }
  if (error instanceof IllegalTransitionError) return Response.json(illegalTransitionBody(error), { status: 409 })
  if (error instanceof ValidationError) {
    const entries = error.data.errors.map(({ message, path }) => ({ message, path }))
    return Response.json(errorBody(entries), { status: error.status })
  }
  if (error instanceof APIError && error.status < 500) {
    return Response.json(errorBody([{ message: error.message }], apiErrorExtra(error)), { status: error.status })
  }
  req?.payload.logger.error({ err: error, msg: 'Unhandled error in endpoint' })
  return Response.json(errorBody([{ message: 'Something went wrong on our side.' }]), { status: 500 })
}

/**
 * Wraps a custom endpoint handler so that every thrown error leaves in the project's error shape, and
 * runs the config's `afterError` hooks as Payload's own endpoints do (the audit log listens there).
 */
export const withErrorHandling =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      const response = errorResponse(error, req)
      for (const hook of req.payload.config.hooks?.afterError ?? []) {
        await hook({ context: req.context, error: error as Error, req })
      }
      // Payload appends the request's response headers to ours: a header a hook set there too (Retry-After on a
      // 503) would be sent twice, "2, 2".
      response.headers.forEach((_value, name) => req.responseHeaders?.delete(name))
      return response
    }
  }
