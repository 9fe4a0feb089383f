// One model call, streamed to the client as it arrives: its text, its tool calls and the usage it reported.
import type { ChatProvider, ChatRequest, StopReason } from '../types'
import type { SendEvent } from './eventStream'

import { ProviderError } from '../types'

export type ToolCall = { id: string; input: Record<string, unknown>; name: string }

export type CallOutcome = {
  error?: ProviderError
  stopReason: StopReason
  text: string
  toolCalls: ToolCall[]
  /** What the provider billed, as it reported it; none when it failed before reporting. */
  usage?: { inputTokens: number; outputTokens: number }
}

export async function streamModelCall(provider: ChatProvider, request: ChatRequest, send: SendEvent): Promise<CallOutcome> {
  const outcome: CallOutcome = { stopReason: 'other', text: '', toolCalls: [] }
  try {
    for await (const event of provider.stream(request, {})) {
      if (event.type === 'text') {
        outcome.text += event.text
        send('delta', { text: event.text })
      } else if (event.type === 'tool_call') {
        outcome.toolCalls.push({ id: event.id, input: event.input, name: event.name })
      } else if (event.type === 'usage') {
        outcome.usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens }
      } else {
        outcome.stopReason = event.reason
      }
    }
  } catch (error) {
    // Tool calls of a broken answer are not run.
    return { ...outcome, error: error instanceof ProviderError ? error : new ProviderError('The provider call failed.', { cause: error }), toolCalls: [] }
  }
  return outcome
}

/** A provider failure as the client's `error` event (or an endpoint's answer): no vendor text, only what to do. */
export function providerFailure(error: ProviderError): { code: string; message: string; retryAfterSeconds?: number } {
  if (error.status === 429) return { code: 'provider_rate_limited', message: 'The AI provider is busy: try again shortly.', retryAfterSeconds: error.retryAfterSeconds }
  if (error.overloaded) return { code: 'provider_overloaded', message: 'The AI provider is overloaded: try again shortly.' }
  return { code: 'provider_error', message: 'The AI provider did not complete the answer.' }
}
