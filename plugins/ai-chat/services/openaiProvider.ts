// The ChatProvider on OpenAI's Responses API, through the official SDK: streamed turns with function tools,
// token counting, and the SDK's errors turned into ProviderError, with the same semantics as the Anthropic
// provider. Its base URL comes from config, so tests reach a loopback fake (tests/helpers/fakeOpenAI.ts)
// through the very same code, and any server speaking the Responses API can stand in for OpenAI.
//
// Why the Responses API and not Chat Completions: it is the one with a count-tokens endpoint
// (POST /responses/input_tokens, `client.responses.inputTokens.count`), which the chat needs to size its hold
// before a call; Chat Completions has none.
import OpenAI, { APIError } from 'openai'

import { type ChatEvent, type ChatProvider, type ChatRequest, ProviderError, type StopReason } from '../types'
import { toResponseInput } from './openaiMessages'
import { parseToolInput, retryAfterSeconds, watchedStream } from './providerStream'
import { DEFAULT_OPENAI_BASE_URL } from './providerConfig'

export type OpenAIProviderOptions = {
  apiKey: string
  /** @default https://api.openai.com/v1 */
  baseUrl?: string
  model: string
  /** Retries the SDK makes on 408/409/429/5xx before the first byte (honouring `retry-after`). @default 2 */
  maxRetries?: number
  /** A call that sends nothing for this long (no headers, no event) is given up as stalled. @default 60_000 */
  idleTimeoutMs?: number
}

type StreamEvent = OpenAI.Responses.ResponseStreamEvent
type Response = OpenAI.Responses.Response

// OpenAI answers 503 when a model's capacity is saturated (its counterpart of Anthropic's 529); compatible
// servers may name it in the error's code or type instead.
const namesOverload = (...labels: unknown[]) => labels.some((label) => typeof label === 'string' && /overload/i.test(label))

/** Any failure from the SDK as a ProviderError; an HTTP error keeps its status, a lost connection has none. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error
  if (error instanceof APIError && error.status !== undefined) {
    return new ProviderError(`OpenAI answered ${error.message}`, {
      status: error.status,
      retryAfterSeconds: error.status === 429 ? retryAfterSeconds(error.headers) : undefined,
      overloaded: error.status === 503 || error.status === 529 || namesOverload(error.code, error.type),
      cause: error,
    })
  }
  // An `error` event whose details sit under `error` (the SDK throws it without a status).
  if (error instanceof APIError && error.error !== undefined) {
    return new ProviderError(`OpenAI stopped the answer: ${error.message}`, { overloaded: namesOverload(error.code, error.type), cause: error })
  }
  return new ProviderError('The connection to OpenAI was lost before the answer was complete.', { cause: error })
}

/** Turns the SSE events of one response into ChatEvents; a function call is emitted once its arguments are complete. */
class TurnReader {
  /** Function calls by output index: their call_id and name arrive in output_item.added, before the arguments. */
  private readonly calls = new Map<number, { callId: string; name: string; emitted: boolean }>()
  private toolCallCount = 0
  private refused = false
  stopped = false

  private toolCall(outputIndex: number, argumentsJson: string, item?: { call_id: string; name: string }): ChatEvent[] {
    const call = this.calls.get(outputIndex) ?? (item && { callId: item.call_id, name: item.name, emitted: false })
    if (!call || call.emitted) return []
    call.emitted = true
    this.calls.set(outputIndex, call)
    this.toolCallCount++
    return [{ type: 'tool_call', id: call.callId, name: call.name, input: parseToolInput('OpenAI', call.name, argumentsJson) }]
  }

  private stopReason(response: Response, incomplete: boolean): StopReason {
    if (incomplete) {
      const reason = response.incomplete_details?.reason
      return reason === 'max_output_tokens' ? 'max_tokens' : reason === 'content_filter' ? 'refusal' : 'other'
    }
    if (this.toolCallCount > 0) return 'tool_use'
    return this.refused ? 'refusal' : 'end_turn'
  }

  private finish(response: Response, incomplete: boolean): ChatEvent[] {
    this.stopped = true
    // Billed as sent: input_tokens already includes cached input, output_tokens any reasoning tokens.
    if (!response.usage) throw new ProviderError('OpenAI finished the answer without its usage, so the call cannot be charged.')
    return [
      { type: 'usage', inputTokens: response.usage.input_tokens, outputTokens: response.usage.output_tokens },
      { type: 'stop', reason: this.stopReason(response, incomplete) },
    ]
  }

  read(event: StreamEvent): ChatEvent[] {
    switch (event.type) {
      case 'response.output_item.added':
        if (event.item.type === 'function_call') {
          this.calls.set(event.output_index, { callId: event.item.call_id, name: event.item.name, emitted: false })
        }
        return []
      case 'response.output_text.delta':
        return event.delta ? [{ type: 'text', text: event.delta }] : []
      case 'response.refusal.delta':
        // The model declined: its words are shown like any answer, and the turn ends as a refusal.
        this.refused = true
        return event.delta ? [{ type: 'text', text: event.delta }] : []
      case 'response.function_call_arguments.done':
        return this.toolCall(event.output_index, event.arguments)
      case 'response.output_item.done':
        // The whole item comes again here: a server that skips function_call_arguments.done is still heard.
        return event.item.type === 'function_call' ? this.toolCall(event.output_index, event.item.arguments, event.item) : []
      case 'response.completed':
        return this.finish(event.response, false)
      case 'response.incomplete':
        return this.finish(event.response, true)
      case 'response.failed': {
        const failure = event.response.error
        throw new ProviderError(`OpenAI could not finish the answer: ${failure?.message ?? 'response.failed'}`, {
          overloaded: namesOverload(failure?.code),
        })
      }
      case 'error':
        throw new ProviderError(`OpenAI stopped the answer: ${event.message}`, { overloaded: namesOverload(event.code) })
      default:
        return [] // argument deltas (the done event repeats them whole), reasoning, annotations
    }
  }
}

export function openaiProvider(options: OpenAIProviderOptions): ChatProvider {
  const { model, idleTimeoutMs = 60_000 } = options
  // Every credential and the base URL explicit (null where unused): the SDK must not pick up OPENAI_ORG_ID,
  // OPENAI_PROJECT_ID (sent as headers), OPENAI_ADMIN_KEY or OPENAI_LOG from process.env. (It still merges
  // OPENAI_CUSTOM_HEADERS, which no client option turns off.)
  const client = new OpenAI({
    apiKey: options.apiKey,
    adminAPIKey: null,
    baseURL: options.baseUrl ?? DEFAULT_OPENAI_BASE_URL,
    logLevel: 'warn',
    maxRetries: options.maxRetries ?? 2,
    organization: null,
    project: null,
    webhookSecret: null,
  })

  async function countTokens(request: ChatRequest, { signal }: { signal?: AbortSignal } = {}): Promise<number> {
    try {
      const counted = await client.responses.inputTokens.count({ model, ...toResponseInput(request) }, { signal })
      return counted.input_tokens
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      throw toProviderError(error)
    }
  }

  function stream(request: ChatRequest, { signal }: { signal?: AbortSignal }): AsyncGenerator<ChatEvent> {
    const reader = new TurnReader()
    return watchedStream<StreamEvent>({
      idleTimeoutMs,
      lastEventName: 'response.completed',
      open: (callSignal) =>
        client.responses.create(
          // The whole history is sent on every turn, so OpenAI need not keep customers' conversations.
          { ...toResponseInput(request), max_output_tokens: request.maxOutputTokens, model, store: false, stream: true },
          { signal: callSignal },
        ),
      read: (event) => ({ events: reader.read(event), stopped: reader.stopped }),
      signal,
      toProviderError,
      vendor: 'OpenAI',
    })
  }

  return { countTokens, model, stream }
}
