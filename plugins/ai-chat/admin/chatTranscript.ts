// What the drawer shows of a conversation, and how each streamed event changes the assistant's answer. Pure:
// the hook keeps the list, this decides what an event does to it.
import type { ChatEvent, ProposedAction } from './assistantApi'

export type ToolPart = { error?: string; id: string; kind: 'tool'; name: string; status: 'failed' | 'ok' | 'running' }

/** An answer's pieces in the order they came: text the model wrote around its lookups and the actions it proposed. */
export type AnswerPart = { action: ProposedAction; kind: 'action' } | { kind: 'text'; text: string } | ToolPart

export type AssistantEntry = {
  /** What the message cost in the end (the `done` event). */
  credits?: number
  error?: string
  /** The most it could cost, held from the balance at the start. */
  estimate?: number
  id: number
  kind: 'assistant'
  parts: AnswerPart[]
  streaming: boolean
}

export type Entry = { id: number; kind: 'notice'; text: string } | { id: number; kind: 'user'; text: string } | AssistantEntry

export type ActionOutcome = { message: string; status: 'done' | 'failed' } | { status: 'running' }

export const emptyAnswer = (id: number): AssistantEntry => ({ id, kind: 'assistant', parts: [], streaming: true })

function appendText(parts: AnswerPart[], text: string): AnswerPart[] {
  const last = parts.at(-1)
  // Deltas join the text they continue; text after a lookup starts a new paragraph.
  if (last?.kind === 'text') return [...parts.slice(0, -1), { kind: 'text', text: last.text + text }]
  return [...parts, { kind: 'text', text }]
}

/** The answer after one event (`start` and `done` also report the balance: see balanceAfter). */
export function applyEvent(answer: AssistantEntry, event: ChatEvent): AssistantEntry {
  switch (event.event) {
    case 'start':
      return { ...answer, estimate: event.data.estimate }
    case 'delta':
      return { ...answer, parts: appendText(answer.parts, event.data.text) }
    case 'tool_call':
      return { ...answer, parts: [...answer.parts, { id: event.data.id, kind: 'tool', name: event.data.name, status: 'running' }] }
    case 'tool_result': {
      const { error, id, ok } = event.data
      const parts = answer.parts.map((part): AnswerPart => (part.kind === 'tool' && part.id === id ? { ...part, error, status: ok ? 'ok' : 'failed' } : part))
      return { ...answer, parts }
    }
    case 'action':
      return { ...answer, parts: [...answer.parts, { action: event.data, kind: 'action' }] }
    case 'error':
      return { ...answer, error: event.data.message }
    case 'done':
      return { ...answer, credits: event.data.credits, streaming: false }
    default:
      return answer
  }
}

/** The balance an event reports, if it reports one. */
export const balanceAfter = (event: ChatEvent): number | undefined => (event.event === 'start' || event.event === 'done' ? event.data.balance : undefined)

/** The conversation an event names, so the next message continues it. */
export const sessionOf = (event: ChatEvent): string | undefined => (event.event === 'start' || event.event === 'done' ? event.data.sessionId : undefined)
