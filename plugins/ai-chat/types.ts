// The AI assistant's options and its provider seam: what the chat needs from a model, whoever serves it.

export type AiChatPluginOptions = {
  enabled?: boolean
  /** Who answers; null turns the assistant off (its endpoints answer 503 `ai_disabled`). Built by `aiChatOptionsFromEnv`. */
  provider: ChatProvider | null
  /** A message whose estimate is above this many credits needs `confirmCost: true`. @default 20 */
  confirmAbove?: number
  /** The output budget of one model call; the estimate prices it in full. @default 1024 */
  maxOutputTokens?: number
  /** Model calls one message may lead to (each tool round is one more). @default 4 */
  maxModelCalls?: number
  /** Chat messages per user per minute. @default 20 */
  rateLimitPerMinute?: number
  /** Days a conversation is kept after its last message. @default 90 */
  retentionDays?: number
}

/** A JSON Schema for a tool's input: always an object at the top, as both vendors require. */
export type ToolInputSchema = {
  type: 'object'
  properties?: Record<string, unknown>
  required?: string[]
  [keyword: string]: unknown
}

/** A tool the model may call; its input arrives checked against nothing, so the tool validates it itself. */
export type ToolDefinition = {
  name: string
  description: string
  input_schema: ToolInputSchema
}

// Content blocks keep Anthropic's wire names (`tool_use_id`, `is_error`): they are stored as they are sent,
// and the OpenAI provider maps them on its side.
export type TextBlock = { type: 'text'; text: string }
export type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
export type ToolResultBlock = {
  type: 'tool_result'
  tool_use_id: string
  /** What the tool returned, as text (JSON for data, "not permitted" for a refusal). */
  content: string
  /** True when the tool failed or was refused, so the model does not take the text for data. */
  is_error?: boolean
}

export type ChatMessage =
  | { role: 'user'; content: string | Array<TextBlock | ToolResultBlock> }
  | { role: 'assistant'; content: string | Array<TextBlock | ToolUseBlock> }

export type ChatRequest = {
  /** Instructions only: data (bookings, notes) goes in messages, never here. */
  system: string
  messages: ChatMessage[]
  tools: ToolDefinition[]
  /** The output budget; the cost estimate prices it in full. */
  maxOutputTokens: number
}

/** Why the model stopped: `tool_use` means it waits for tool results; the rest end the turn. */
export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'refusal' | 'other'

export type ChatEvent =
  | { type: 'text'; text: string }
  /** A whole tool call: emitted once its input JSON, streamed in pieces, is complete and parsed. */
  | { type: 'tool_call'; id: string; name: string; input: Record<string, unknown> }
  /** The tokens the provider bills for this call; comes before `stop`. */
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  | { type: 'stop'; reason: StopReason }

export type ChatProvider = {
  /** The model's name, as priced in the price table. */
  readonly model: string
  /** Input tokens the request would use (system, messages and tools), as the provider counts them. */
  countTokens(request: ChatRequest, options?: { signal?: AbortSignal }): Promise<number>
  /**
   * One model turn, streamed. Ends after `stop`. A failure (HTTP error, a cut or stalled stream) is thrown as a
   * `ProviderError`; an abort of `signal` ends it promptly by throwing the signal's reason.
   */
  stream(request: ChatRequest, options: { signal?: AbortSignal }): AsyncIterable<ChatEvent>
}

/** A provider call that failed: what the chat endpoint needs to answer (retry later, overloaded) and to release the hold. */
export class ProviderError extends Error {
  /** The provider's HTTP status; undefined when there was none (connection lost, stream cut or stalled). */
  readonly status: number | undefined
  /** From a 429's `retry-after`: when the provider will take calls again. */
  readonly retryAfterSeconds: number | undefined
  /** The provider is overloaded (Anthropic's 529 or a mid-stream `overloaded_error`): a retry later may work. */
  readonly overloaded: boolean

  constructor(message: string, details: { status?: number; retryAfterSeconds?: number; overloaded?: boolean; cause?: unknown } = {}) {
    super(message, { cause: details.cause })
    this.name = 'ProviderError'
    this.status = details.status
    this.retryAfterSeconds = details.retryAfterSeconds
    this.overloaded = details.overloaded ?? false
  }
}
