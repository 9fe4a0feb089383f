// What both providers share around their SDKs: reading retry-after, parsing a tool call's JSON input, and
// one streamed call watched for stalls and aborts, ending with an error unless the vendor's last event came.
import { type ChatEvent, ProviderError } from '../types'

/** Seconds from a `retry-after` header (seconds or an HTTP date), else `retry-after-ms` (OpenAI's). */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after')
  if (value) {
    const seconds = Number(value)
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
    const at = Date.parse(value)
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000))
  }
  const milliseconds = Number(headers?.get('retry-after-ms') ?? Number.NaN)
  return Number.isFinite(milliseconds) ? Math.max(0, Math.ceil(milliseconds / 1000)) : undefined
}

/** A tool call's streamed JSON as an object; no JSON at all is a call without arguments. */
export function parseToolInput(vendor: string, toolName: string, json: string): Record<string, unknown> {
  if (json.trim() === '') return {}
  let input: unknown
  try {
    input = JSON.parse(json)
  } catch (error) {
    throw new ProviderError(`${vendor} sent a ${toolName} call whose input is not valid JSON.`, { cause: error })
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ProviderError(`${vendor} sent a ${toolName} call whose input is not an object.`)
  }
  return input as Record<string, unknown>
}

export type WatchedCall<Event> = {
  vendor: string
  /** The vendor's last event, named in the error when the stream ends without it. */
  lastEventName: string
  idleTimeoutMs: number
  signal?: AbortSignal
  /** Starts the SDK's streamed call with the signal to abort it by. */
  open: (signal: AbortSignal) => Promise<AsyncIterable<Event>>
  /** The ChatEvents one raw event makes, and whether it was the last. */
  read: (event: Event) => { events: ChatEvent[]; stopped: boolean }
  toProviderError: (error: unknown) => ProviderError
}

/**
 * One streamed call as ChatEvents. A call that sends nothing for `idleTimeoutMs` is given up as stalled; an
 * abort of `signal` ends it with the signal's reason; a stream closed before its last event is an error.
 */
export async function* watchedStream<Event>(call: WatchedCall<Event>): AsyncGenerator<ChatEvent> {
  const { idleTimeoutMs, signal, vendor } = call
  signal?.throwIfAborted()
  // One controller for the SDK call: aborted by the caller's signal or by the idle watchdog.
  const controller = new AbortController()
  let stalled = false
  let watchdog: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => {
      stalled = true
      controller.abort()
    }, idleTimeoutMs)
  }
  const forwardAbort = () => controller.abort()
  signal?.addEventListener('abort', forwardAbort, { once: true })
  const failure = (error?: unknown): unknown => {
    if (signal?.aborted) return signal.reason
    if (stalled) return new ProviderError(`${vendor} sent nothing for ${idleTimeoutMs} ms; the answer was given up.`)
    return error === undefined ? new ProviderError(`The answer from ${vendor} ended before ${call.lastEventName}.`) : call.toProviderError(error)
  }
  try {
    arm()
    try {
      const events = await call.open(controller.signal)
      for await (const event of events) {
        clearTimeout(watchdog) // a slow consumer is not a stalled provider
        const { events: chatEvents, stopped } = call.read(event)
        for (const chatEvent of chatEvents) yield chatEvent
        if (stopped) return
        arm()
      }
    } catch (error) {
      throw failure(error)
    }
    // The SDK ends the iteration quietly on abort, and a server may close the body early: neither is an answer.
    throw failure()
  } finally {
    clearTimeout(watchdog)
    signal?.removeEventListener('abort', forwardAbort)
  }
}
