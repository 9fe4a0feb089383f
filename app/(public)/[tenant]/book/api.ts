// The same-origin JSON calls of the booking pages, the answers they share, and one sentence per failure.
// Errors arrive as `{ errors: [{ message, path? }], code? }`; a 429 may say how long to wait in Retry-After.

export type ErrorEntry = { message: string; path?: string }
export type ApiFailure = {
  /** The whole answer, for the few that carry more than their errors (the onboarding's list of studios). */
  body?: unknown
  code?: string
  errors: ErrorEntry[]
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

export const NETWORK_MESSAGE = 'We could not reach the booking service. Check your connection and try again.'

export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, { ...init, cache: 'no-store', headers: { Accept: 'application/json', ...init.headers } })
  } catch (error) {
    // An aborted request is not a network failure; callers ignore it once their signal is aborted.
    return { code: error instanceof DOMException && error.name === 'AbortError' ? 'aborted' : undefined, errors: [{ message: NETWORK_MESSAGE }], ok: false, status: 0 }
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
    errors: errors.length > 0 ? errors : [{ message: `Something went wrong (HTTP ${response.status}). Please try again.` }],
    ok: false,
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    status: response.status,
  }
}

/** One sentence for a failure that has no more specific wording on the page. */
export function describeFailure(failure: ApiFailure): string {
  // A 429 with a code is a limit on what was asked (too many open bookings), explained by the server.
  if (failure.status === 429 && !failure.code) {
    const wait = failure.retryAfter ? `${failure.retryAfter} second${failure.retryAfter === 1 ? '' : 's'}` : 'a minute'
    return `Too many requests from your connection. Please wait ${wait} and try again.`
  }
  return failure.errors.map((entry) => entry.message).join(' ')
}
