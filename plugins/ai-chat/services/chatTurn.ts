// One message's answer after its first hold: model calls and tool rounds, each call held and settled on its
// own, every turn stored, streamed as events. A client that leaves stops the rounds, not the settling.
import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'
import type { ChatMessage, ChatRequest, ToolResultBlock, ToolUseBlock } from '../types'
import type { ClientState, SendEvent } from './eventStream'
import type { ResolvedAiOptions } from './options'

import { sql } from '@payloadcms/db-postgres'

import { HttpError } from '../../../utilities/apiErrors'
import { poolDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { ProviderError } from '../types'
import { answerState, type AnswerState, PROPOSE_TOOL, proposeBookingAction, rememberShown } from './actions'
import { appendMessage } from './history'
import { type CallOutcome, providerFailure, streamModelCall, type ToolCall } from './modelCall'
import { costInCredits, estimateCredits } from './pricing'
import { AI_REFERENCE_PREFIX, holdForCall, settleCall } from './spending'
import { runTool, ToolFailure, type ToolResult } from './tools'

export type Turn = {
  conversation: { id: number; sessionId: string }
  /** The first call's hold, taken before the answer started. */
  firstHold: { balance: number; estimate: number; reference: string }
  options: ResolvedAiOptions
  /** The user's question, as typed: a booking ref in it may be proposed. */
  question: string
  req: PayloadRequest
  request: ChatRequest
  tenant: Tenant
  turnId: string
  user: number
}

type Totals = { actions: number; calls: number; credits: number; inputTokens: number; outcome: string; outputTokens: number; tools: string[] }

/** Settles to the call's cost; a cost above the hold that the balance cannot cover keeps the hold (logged). */
async function settle(turn: Turn, reference: string, held: number, actual: number): Promise<number> {
  const args = { reference, tenant: turn.tenant, user: turn.user }
  try {
    return await settleCall(turn.req, { ...args, actual })
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 402) throw error
    turn.req.payload.logger.warn({ actual, held, msg: 'AI call cost more than its hold and the balance covers; charged the hold', reference })
    return settleCall(turn.req, { ...args, actual: held })
  }
}

// A tool answer is sent back with every later call: a large one would multiply the cost of the turn.
const MAX_TOOL_RESULT_CHARS = 12_000
const MAX_TOOL_CALLS_PER_ROUND = 6

const notRun = (call: ToolCall, why: string): ToolResultBlock => ({ content: why, is_error: true, tool_use_id: call.id, type: 'tool_result' })

/** Runs one round of tool calls as the user; refusals and failures go back to the model as error results. */
async function runTools(turn: Turn, calls: ToolCall[], state: AnswerState, send: SendEvent, totals: Totals): Promise<ToolResultBlock[]> {
  const blocks: ToolResultBlock[] = []
  for (const [index, call] of calls.entries()) {
    if (index >= MAX_TOOL_CALLS_PER_ROUND) {
      blocks.push(notRun(call, `Not run: at most ${MAX_TOOL_CALLS_PER_ROUND} tool calls at once.`))
      continue
    }
    totals.tools.push(call.name)
    send('tool_call', { id: call.id, input: call.input, name: call.name })
    let result: ToolResult
    try {
      if (call.name === PROPOSE_TOOL) {
        const proposal = await proposeBookingAction(turn.req, { tenantId: turn.tenant.id }, call.input, state)
        if (proposal.card) send('action', proposal.card)
        result = proposal.result
      } else {
        result = await runTool(turn.req, { tenantId: turn.tenant.id }, call.name, call.input)
        if (call.name === 'find_bookings') rememberShown(state, result)
      }
    } catch (error) {
      if (!(error instanceof ToolFailure)) turn.req.payload.logger.error({ err: error, msg: `AI tool ${call.name} failed` })
      send('tool_result', { error: 'failed', id: call.id, name: call.name, ok: false })
      blocks.push(notRun(call, 'The tool failed on our side.'))
      continue
    }
    // Data goes back as JSON only: whatever text it holds stays data.
    const json = result.ok ? JSON.stringify(result.data) : ''
    if (json.length > MAX_TOOL_RESULT_CHARS) {
      send('tool_result', { error: 'too_large', id: call.id, name: call.name, ok: false })
      blocks.push(notRun(call, `The result is too large (${json.length} characters): ask for a shorter range, fewer rooms or a narrower search.`))
      continue
    }
    send('tool_result', { id: call.id, name: call.name, ok: result.ok, ...(result.ok ? {} : { error: result.error }) })
    blocks.push({ content: result.ok ? json : result.message, is_error: !result.ok, tool_use_id: call.id, type: 'tool_result' })
  }
  return blocks
}

/** The assistant's content blocks of a call: its text, then its tool calls. */
const assistantContent = (outcome: CallOutcome): ToolUseBlock[] | Array<{ text: string; type: 'text' } | ToolUseBlock> => [
  ...(outcome.text ? [{ text: outcome.text, type: 'text' as const }] : []),
  ...outcome.toolCalls.map((call) => ({ id: call.id, input: call.input, name: call.name, type: 'tool_use' as const })),
]

/** The conversation's totals (added in SQL: two answers of one conversation may finish together) and the audit entry. */
async function finish(turn: Turn, totals: Totals): Promise<void> {
  const { conversation, req, tenant } = turn
  await poolDb(req.payload).execute(sql`update ai_conversations set last_message_at = now(), updated_at = now(),
    input_tokens = coalesce(input_tokens, 0) + ${totals.inputTokens}, output_tokens = coalesce(output_tokens, 0) + ${totals.outputTokens},
    credits = coalesce(credits, 0) + ${totals.credits} where id = ${conversation.id}`)
  const { actions, calls, credits, inputTokens, outcome, outputTokens, tools } = totals
  const details = { actions, calls, credits, inputTokens, model: turn.options.provider?.model, outcome, outputTokens, tools }
  await writeAuditEntry(req, { action: 'ai_chat', collection: 'ai-conversations', details, documentId: conversation.id, tenant: tenant.id }, { detached: true })
}

export async function runTurn(turn: Turn, send: SendEvent, client: ClientState): Promise<void> {
  const { options, req, tenant } = turn
  const provider = options.provider!
  const where = { conversation: turn.conversation.id, tenant: tenant.id, user: turn.user }
  const state = answerState(turn.question)
  const totals: Totals = { actions: 0, calls: 0, credits: 0, inputTokens: 0, outcome: 'answered', outputTokens: 0, tools: [] }
  const messages: ChatMessage[] = [...turn.request.messages]
  let balance = turn.firstHold.balance
  send('start', { balance, estimate: turn.firstHold.estimate, sessionId: turn.conversation.sessionId })
  try {
    for (let call = 1; call <= options.maxModelCalls; call++) {
      const request = { ...turn.request, messages: [...messages] }
      let { estimate: held, reference } = turn.firstHold
      if (call > 1) {
        held = estimateCredits(provider.model, await provider.countTokens(request), request.maxOutputTokens)
        // No step may cost more than the message was shown (and confirmed) to cost, or the threshold.
        const allowed = Math.max(turn.firstHold.estimate, options.confirmAbove)
        if (held > allowed) {
          totals.outcome = 'step_too_costly'
          send('error', { code: 'step_too_costly', estimate: held, message: `The next step would cost up to ${held} credits, more than the ${allowed} this message allowed; ask something narrower.` })
          return
        }
        reference = `${AI_REFERENCE_PREFIX}${turn.turnId}:${call}`
        balance = (await holdForCall(req, { amount: held, reference, tenant, user: turn.user }, async () => undefined)).balance
      }
      const outcome = await streamModelCall(provider, request, send)
      const credits = outcome.usage ? costInCredits(provider.model, outcome.usage) : 0
      balance = await settle(turn, reference, held, credits)
      totals.calls += 1
      totals.credits += credits
      totals.inputTokens += outcome.usage?.inputTokens ?? 0
      totals.outputTokens += outcome.usage?.outputTokens ?? 0
      send('usage', { credits, inputTokens: outcome.usage?.inputTokens ?? 0, outputTokens: outcome.usage?.outputTokens ?? 0 })
      const content = assistantContent(outcome)
      if (content.length > 0) {
        const toolCalls = outcome.toolCalls.length > 0 ? outcome.toolCalls : undefined
        await appendMessage(req, where, { content, credits, inputTokens: outcome.usage?.inputTokens, outputTokens: outcome.usage?.outputTokens, role: 'assistant', stopReason: outcome.stopReason, text: outcome.text, toolCalls })
      }
      if (outcome.error) {
        totals.outcome = 'provider_error'
        send('error', providerFailure(outcome.error))
        return
      }
      if (outcome.stopReason !== 'tool_use' || outcome.toolCalls.length === 0) return
      if (client.gone) {
        totals.outcome = 'client_gone'
        return
      }
      if (call === options.maxModelCalls) {
        totals.outcome = 'step_limit'
        send('error', { code: 'step_limit', message: `The answer needed more than ${options.maxModelCalls} steps; ask something narrower.` })
        return
      }
      const cardsBefore = state.cards.length
      const results = await runTools(turn, outcome.toolCalls, state, send, totals)
      totals.actions = state.cards.length
      const cards = state.cards.slice(cardsBefore)
      await appendMessage(req, where, { actions: cards.length > 0 ? cards : undefined, content: results, role: 'user', toolResults: results.map(({ is_error, tool_use_id }) => ({ id: tool_use_id, ok: !is_error })) })
      messages.push({ content, role: 'assistant' }, { content: results, role: 'user' })
    }
  } catch (error) {
    totals.outcome = 'failed'
    if (error instanceof HttpError) send('error', { code: (error.extra.code as string | undefined) ?? 'refused', message: error.message, ...error.extra })
    else if (error instanceof ProviderError) send('error', providerFailure(error))
    else {
      req.payload.logger.error({ err: error, msg: 'AI chat turn failed' })
      send('error', { code: 'internal', message: 'Something went wrong on our side.' })
    }
  } finally {
    await finish(turn, totals).catch((error: unknown) => req.payload.logger.error({ err: error, msg: 'AI chat: recording the turn failed' }))
    send('done', { balance, credits: totals.credits, sessionId: turn.conversation.sessionId })
  }
}
