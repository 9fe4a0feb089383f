// The same-origin JSON calls of the booking pages, the answers they share, and one sentence per failure.
// Errors arrive as `{ errors: [{ message, path? }], code? }`; a 429 may say how long to wait in Retry-After.
// The sentences this module words itself (no connection, an answer without errors, too many requests) come
// from the page's messages (`api.*` keys); the onboarding wizard, which has none yet, reads them in English.
import type { Translate } from './messages'

import { fillIn } from './format'

export type ErrorEntry = { message: string; path?: string }
export type ApiFailure = {
  /** The whole answer, for the few that carry more than their errors (the onboarding's list of studios). */
  body?: unknown
  code?: string
  errors: ErrorEntry[]
  /** The errors were worded here, not by the server: no connection, or an answer that carried none. */
  local?: 'http' | 'network'
  ok: false
  retryAfter?: number
  status: number
}
export type ApiResult<T> = { data: T; ok: true; status: number } | ApiFailure

/** How a booking stands, as the API says: `open` (waiting for the deposit, the customer or the studio), `kept`, `ended`. */
export type BookingPhase = 'ended' | 'kept' | 'open'

/**
 * A booking as every public answer about one carries it (the booking call, the customer's page, the list of
 * one's bookings): its data, and what the server decided about it, which the pages show as it comes.
 */
export type PublicBooking = {
  awaitingCustomerConfirmation?: boolean
  /** Its status still allows a cancellation. */
  cancellable: boolean
  currency: null | string
  customerConfirmedAt?: null | string
  deposit: null | number
  /** The converted price the customer was shown when booking (approximate), when not in the charged currency. */
  display?: { amount: number; currency: string; rate: string; rateDate: string } | null
  end: string
  /** Until when the slot is held without a payment or the customer's confirmation (studio zone). */
  holdExpiresAt?: null | string
  /** Its deposit can be paid now. */
  payable: boolean
  phase: BookingPhase
  price: null | number
  ref: string
  start: string
  status: string
  statusLabel: string
}

/** Whether a code can travel in a request header as typed: printable ASCII, which headers carry unchanged (`fetch` throws on much else). */
export const sendableInHeader = (value: string, maxLength: number): boolean => value.length <= maxLength && /^[\x20-\x7e]+$/.test(value)

// The English of the `api.*` keys, for callers without the page's messages (kept equal to the platform's defaults).
const ENGLISH: Record<string, string> = {
  'api.http': 'Something went wrong (HTTP {status}). Please try again.',
  'api.network': 'We could not reach the booking service. Check your connection and try again.',
  'api.tooMany.minute': 'Too many requests from your connection. Please wait a minute and try again.',
  'api.tooMany.one': 'Too many requests from your connection. Please wait {count} second and try again.',
  'api.tooMany.other': 'Too many requests from your connection. Please wait {count} seconds and try again.',
}
const english: Translate = (key, vars) => fillIn(ENGLISH[key] ?? key, vars)

export const NETWORK_MESSAGE = english('api.network')

export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, { ...init, cache: 'no-store', headers: { Accept: 'application/json', ...init.headers } })
  } catch (error) {
    // An aborted request is not a network failure; callers ignore it once their signal is aborted.
    const code = error instanceof DOMException && error.name === 'AbortError' ? 'aborted' : undefined
    return { code, errors: [{ message: NETWORK_MESSAGE }], local: 'network', ok: false, status: 0 }
  }
  let body: unknown = null
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy's error page, say): the status alone decides.
  }
  if (response.ok) return { data: body as T, ok: true, status: response.status }
  const shaped = (body ?? {}) as { code?: unknown; errors?: unknown }
  const errors = Array.isArray(shaped.errors)
    ? (shaped.errors as ErrorEntry[]).filter((entry) => entry && typeof entry.message === 'string')
    : []
  const retryAfter = Number(response.headers.get('Retry-After'))
  return {
    body,
    code: typeof shaped.code === 'string' ? shaped.code : undefined,
    errors: errors.length > 0 ? errors : [{ message: english('api.http', { status: response.status }) }],
    ...(errors.length > 0 ? {} : { local: 'http' as const }),
    ok: false,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    status: response.status,
  }
}

/** One sentence for a failure that has no more specific wording on the page, in the page's words (`t`). */
export function describeFailure(failure: ApiFailure, t: Translate = english): string {
  // A 429 with a code is a limit on what was asked (too many open bookings), explained by the server.
  if (failure.status === 429 && !failure.code) {
    if (!failure.retryAfter) return t('api.tooMany.minute')
    return t(failure.retryAfter === 1 ? 'api.tooMany.one' : 'api.tooMany.other', { count: failure.retryAfter })
  }
  if (failure.local === 'network') return t('api.network')
  if (failure.local === 'http') return t('api.http', { status: failure.status })
  return failure.errors.map((entry) => entry.message).join(' ')
}
