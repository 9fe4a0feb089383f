// The ChatProvider on Anthropic's Messages API, through the official SDK: streamed turns with tools, token
// counting, and the SDK's errors turned into ProviderError. Its base URL comes from config, so tests reach
// a loopback fake (tests/helpers/fakeAnthropic.ts) through the very same code.
import Anthropic, { APIError } from '@anthropic-ai/sdk'

import { type ChatEvent, type ChatMessage, type ChatProvider, type ChatRequest, ProviderError, type StopReason } from '../types'
import { parseToolInput, retryAfterSeconds, watchedStream } from './providerStream'

export type AnthropicProviderOptions = {
  apiKey: string
  /** @default https://api.anthropic.com */
  baseUrl?: string
  model: string
  /** Retries the SDK makes on 408/409/429/5xx before the first byte (honouring `retry-after`). @default 2 */
  maxRetries?: number
  /** A call that sends nothing for this long (no headers, no event) is given up as stalled. @default 60_000 */
  idleTimeoutMs?: number
}

type Params = Pick<Anthropic.MessageCreateParamsStreaming, 'messages' | 'system' | 'tools'>

/** Copies only the fields Anthropic knows: stored messages may carry more (ids, costs) that must not be sent. */
function toMessageParam(message: ChatMessage): Anthropic.MessageParam {
  if (typeof message.content === 'string') return { role: message.role, content: message.content }
  if (message.role === 'assistant') {
    return {
      role: 'assistant',
      content: message.content.map((block) =>
        block.type === 'text'
          ? { type: 'text' as const, text: block.text }
          : { type: 'tool_use' as const, id: block.id, name: block.name, input: block.input },
      ),
    }
  }
  return {
    role: 'user',
    content: message.content.map((block) =>
      block.type === 'text'
        ? { type: 'text' as const, text: block.text }
        : { type: 'tool_result' as const, tool_use_id: block.tool_use_id, content: block.content, is_error: block.is_error ?? false },
    ),
  }
}

function toParams(request: ChatRequest): Params {
  return {
    system: request.system,
    messages: request.messages.map(toMessageParam),
    // An empty tools list is left out rather than sent.
    ...(request.tools.length > 0
      ? { tools: request.tools.map(({ name, description, input_schema }) => ({ name, description, input_schema })) }
      : {}),
  }
}

/** Any failure from the SDK as a ProviderError; an HTTP error keeps its status, a lost connection has none. */
export function toProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error
  if (error instanceof APIError && error.status !== undefined) {
    return new ProviderError(`Anthropic answered ${error.status}: ${error.apiMessage ?? error.message}`, {
      status: error.status,
      retryAfterSeconds: error.status === 429 ? retryAfterSeconds(error.headers) : undefined,
      overloaded: error.status === 529 || error.type === 'overloaded_error',
      cause: error,
    })
  }
  // An `error` event inside the stream (the SDK throws it without a status), e.g. overloaded mid-answer.
  if (error instanceof APIError && error.type) {
    return new ProviderError(`Anthropic stopped the answer: ${error.apiMessage ?? error.type}`, {
      overloaded: error.type === 'overloaded_error',
      cause: error,
    })
  }
  return new ProviderError('The connection to Anthropic was lost before the answer was complete.', { cause: error })
}

const STOP_REASONS: Partial<Record<Anthropic.StopReason, StopReason>> = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  model_context_window_exceeded: 'max_tokens',
  refusal: 'refusal',
  tool_use: 'tool_use',
}

/** Turns the raw SSE events of one message into ChatEvents; tool inputs are buffered until their block stops. */
class TurnReader {
  private inputTokens = 0
  private outputTokens = 0
  private usageSent = false
  private stopReason: StopReason = 'other'
  private readonly toolBlocks = new Map<number, { id: string; name: string; json: string }>()
  stopped = false

  private usage(): ChatEvent {
    this.usageSent = true
    return { type: 'usage', inputTokens: this.inputTokens, outputTokens: this.outputTokens }
  }

  // Prompt-cache reads and writes are input too; counting them in keeps the charge from falling short.
  // Older API versions send no input_tokens in message_delta: then message_start's count stands.
  private setInput(usage: { input_tokens?: number | null; cache_creation_input_tokens?: number | null; cache_read_input_tokens?: number | null }) {
    if (usage.input_tokens == null) return
    this.inputTokens = usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0)
  }

  read(event: Anthropic.RawMessageStreamEvent): ChatEvent[] {
    switch (event.type) {
      case 'message_start':
        this.setInput(event.message.usage)
        this.outputTokens = event.message.usage.output_tokens
        return []
      case 'content_block_start': {
        const block = event.content_block
        if (block.type === 'tool_use') this.toolBlocks.set(event.index, { id: block.id, name: block.name, json: '' })
        return block.type === 'text' && block.text ? [{ type: 'text', text: block.text }] : []
      }
      case 'content_block_delta': {
        const delta = event.delta
        if (delta.type === 'text_delta') return delta.text ? [{ type: 'text', text: delta.text }] : []
        const tool = this.toolBlocks.get(event.index)
        if (delta.type === 'input_json_delta' && tool) tool.json += delta.partial_json
        return [] // thinking, signatures and citations are not shown
      }
      case 'content_block_stop': {
        const tool = this.toolBlocks.get(event.index)
        if (!tool) return []
        this.toolBlocks.delete(event.index)
        return [{ type: 'tool_call', id: tool.id, name: tool.name, input: parseToolInput('Anthropic', tool.name, tool.json) }]
      }
      case 'message_delta':
        this.setInput(event.usage)
        this.outputTokens = event.usage.output_tokens
        this.stopReason = (event.delta.stop_reason && STOP_REASONS[event.delta.stop_reason]) ?? 'other'
        return [this.usage()]
      case 'message_stop':
        this.stopped = true
        return [...(this.usageSent ? [] : [this.usage()]), { type: 'stop', reason: this.stopReason }]
      default:
        return []
    }
  }
}

export function anthropicProvider(options: AnthropicProviderOptions): ChatProvider {
  const { model, idleTimeoutMs = 60_000 } = options
  // Explicit key, no auth token, explicit base URL: the SDK must not pick anything up from process.env itself.
  const client = new Anthropic({
    apiKey: options.apiKey,
    authToken: null,
    baseURL: options.baseUrl ?? 'https://api.anthropic.com',
    maxRetries: options.maxRetries ?? 2,
  })

  async function countTokens(request: ChatRequest, { signal }: { signal?: AbortSignal } = {}): Promise<number> {
    try {
      const counted = await client.messages.countTokens({ model, ...toParams(request) }, { signal })
      return counted.input_tokens
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      throw toProviderError(error)
    }
  }

  function stream(request: ChatRequest, { signal }: { signal?: AbortSignal }): AsyncGenerator<ChatEvent> {
    const reader = new TurnReader()
    return watchedStream<Anthropic.RawMessageStreamEvent>({
      idleTimeoutMs,
      lastEventName: 'message_stop',
      open: (callSignal) => client.messages.create({ ...toParams(request), max_tokens: request.maxOutputTokens, model, stream: true }, { signal: callSignal }),
      read: (event) => ({ events: reader.read(event), stopped: reader.stopped }),
      signal,
      toProviderError,
      vendor: 'Anthropic',
    })
  }

  return { countTokens, model, stream }
}
