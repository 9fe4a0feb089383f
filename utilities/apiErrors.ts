// One error shape for every custom endpoint: Payload's `{ errors: [{ message, path? }] }`.
import type { PayloadHandler, PayloadRequest } from 'payload'

import { APIError, ValidationError } from 'payload'
import { ZodError } from 'zod'

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

/** PostgreSQL refused a write under an exclusion constraint (23P01): two reservations overlap. */
export function isExclusionViolation(error: unknown): boolean {
  for (let current = error as { cause?: unknown; code?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (current.code === '23P01') return true
    current = current.cause as typeof current
  }
  return false
}

/** The one answer to an overlap, from a custom endpoint or Payload's REST (`afterError`). */
export const slotTakenBody = () => errorBody([{ message: SLOT_TAKEN_MESSAGE }], { code: 'slot_taken' })

/** Maps anything thrown in an endpoint to a JSON response; unexpected errors are logged, never shown. */
export function errorResponse(error: unknown, req?: Pick<PayloadRequest, 'payload'>): Response {
  if (isExclusionViolation(error)) return Response.json(slotTakenBody(), { status: 409 })
  if (error instanceof HttpError) {
    return Response.json(errorBody(error.entries, error.extra), { headers: error.headers, status: error.status })
  }
  if (error instanceof ZodError) {
    return Response.json(errorBody(zodIssuesToEntries(error)), { status: 400 })
  }
  if (error instanceof ValidationError) {
    const entries = error.data.errors.map(({ message, path }) => ({ message, path }))
    return Response.json(errorBody(entries), { status: error.status })
  }
  if (error instanceof APIError && error.status < 500) {
    const code = (error.data as { code?: unknown } | null)?.code
    return Response.json(errorBody([{ message: error.message }], typeof code === 'string' ? { code } : {}), { status: error.status })
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
      return response
    }
  }
