// The drawer's calls to the assistant's endpoints and to the staff actions it proposes, with the admin's
// session cookie. Refusals come back as Payload's error list (`{ errors: [{ message }], code?, ... }`).
import { readSseFrames } from './sseFrames'

export type AssistantContext = {
  balance: null | number
  confirmAbove: number
  enabled: true
  model: string
  roles: string[]
  rooms: { id: number; name: string }[]
  studio: { currency: string; id: number; name: string; timeZone: string }
  todaysBookings: null | number
}

/** The booking as the user may read it: a field they may not read is left out. Times carry the studio's offset. */
export type BookingSummary = { customerName?: string; end: string; id: number; ref: string; room?: string; start: string; status: string }

export type ActionKind = 'cancel_booking' | 'confirm_booking'

export type ProposedAction = { booking: BookingSummary; id: string; kind: ActionKind; label: string; method: 'POST'; url: string }

/** The chat stream's events, as the endpoint sends them (one `usage` per model call). */
export type ChatEvent =
  | { data: { balance: number; estimate: number; sessionId: string }; event: 'start' }
  | { data: { balance: number; credits: number; sessionId: string }; event: 'done' }
  | { data: { code: string; message: string }; event: 'error' }
  | { data: { error?: string; id: string; name: string; ok: boolean }; event: 'tool_result' }
  | { data: { id: string; input: unknown; name: string }; event: 'tool_call' }
  | { data: { credits: number; inputTokens: number; outputTokens: number }; event: 'usage' }
  | { data: { text: string }; event: 'delta' }
  | { data: ProposedAction; event: 'action' }

const EVENTS = new Set<ChatEvent['event']>(['action', 'delta', 'done', 'error', 'start', 'tool_call', 'tool_result', 'usage'])

export type Refusal = { balance?: number; code?: string; estimate?: number; message: string; status: number }

async function refusalOf(response: Response, fallback: string): Promise<Refusal> {
  const body = (await response.json().catch(() => ({}))) as { balance?: unknown; code?: unknown; errors?: { message?: unknown }[]; estimate?: unknown }
  const message = body.errors?.find((error) => typeof error?.message === 'string')?.message
  return {
    balance: typeof body.balance === 'number' ? body.balance : undefined,
    code: typeof body.code === 'string' ? body.code : undefined,
    estimate: typeof body.estimate === 'number' ? body.estimate : undefined,
    message: typeof message === 'string' ? message : `${fallback} (HTTP ${response.status})`,
    status: response.status,
  }
}

/** The assistant for this studio, or null when it is off (503 ai_disabled), refused (401/403) or unreachable. */
export async function loadAssistantContext(api: string, tenant: number | undefined, signal: AbortSignal): Promise<AssistantContext | null> {
  const query = tenant === undefined ? '' : `?tenant=${tenant}`
  try {
    const response = await fetch(`${api}/ai/context${query}`, { credentials: 'include', signal })
    if (!response.ok) return null
    const body = (await response.json()) as Partial<AssistantContext>
    return body.enabled === true ? (body as AssistantContext) : null
  } catch {
    return null
  }
}

export type ChatRequest = { confirmCost?: true; message: string; sessionId?: string; tenant?: number }

/**
 * POST /api/ai/chat: each event handed to `onEvent` as it arrives, or the refusal (402 confirm_cost among
 * them). A dropped connection is a refusal with status 0.
 */
export async function postChat(api: string, request: ChatRequest, onEvent: (event: ChatEvent) => void, fallback: string): Promise<null | Refusal> {
  let response: Response
  try {
    response = await fetch(`${api}/ai/chat`, {
      body: JSON.stringify(request),
      credentials: 'include',
      headers: { Accept: 'text/event-stream', 'Content-Type': 'application/json' },
      method: 'POST',
    })
  } catch {
    return { message: fallback, status: 0 }
  }
  if (!response.ok || !response.body) return refusalOf(response, fallback)
  try {
    await readSseFrames(response.body, (frame) => {
      if (!EVENTS.has(frame.event as ChatEvent['event'])) return
      let data: unknown
      try {
        data = JSON.parse(frame.data)
      } catch {
        return // a frame that is not JSON is skipped; the ones after it still count
      }
      onEvent({ data, event: frame.event } as ChatEvent)
    })
  } catch {
    return { message: fallback, status: 0 }
  }
  return null
}

/** Runs a proposed action through the normal staff endpoint; its refusal's message, or null when done. */
export async function runAction(action: ProposedAction, fallback: string): Promise<null | string> {
  // Only this app's own endpoints: the card carries a URL, and nothing from the stream may send the cookie elsewhere.
  const target = new URL(action.url, window.location.origin)
  if (target.origin !== window.location.origin) return fallback
  try {
    const response = await fetch(target, { credentials: 'include', method: action.method })
    return response.ok ? null : (await refusalOf(response, fallback)).message
  } catch {
    return fallback
  }
}
