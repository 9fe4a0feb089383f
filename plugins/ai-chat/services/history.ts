// A conversation's messages: stored as the provider saw them, read back as the next call's history.
import type { PayloadRequest } from 'payload'

import type { ChatMessage, TextBlock, ToolResultBlock } from '../types'

/** Past messages sent with a new one: enough for follow-ups, bounded so a long chat does not grow without end. */
const HISTORY_MESSAGES = 24
/** And bounded in size (JSON characters), so a few large tool results cannot make every follow-up expensive. */
const HISTORY_CHARS = 48_000

type StoredMessage = { content: unknown; role: 'assistant' | 'user' }

/** A question as stored and sent: one text block (a JSON field cannot hold a bare string). */
export const questionContent = (question: string): TextBlock[] => [{ text: question, type: 'text' }]

/** A user turn's blocks, whatever it was stored as. */
const userBlocks = (content: unknown): Array<TextBlock | ToolResultBlock> =>
  typeof content === 'string' ? [{ text: content, type: 'text' }] : (content as Array<TextBlock | ToolResultBlock>)

/**
 * The stored turns as provider messages: starting at a question (never at a tool result whose call was cut
 * off), and with consecutive user turns merged (tool results followed by the next question).
 */
export function toChatMessages(stored: StoredMessage[]): ChatMessage[] {
  const start = stored.findIndex(isQuestion)
  if (start === -1) return []
  const messages: ChatMessage[] = []
  for (const message of stored.slice(start)) {
    const previous = messages.at(-1)
    if (message.role === 'user' && previous?.role === 'user') {
      previous.content = [...userBlocks(previous.content), ...userBlocks(message.content)]
    } else {
      messages.push({ content: message.content, role: message.role } as ChatMessage)
    }
  }
  return answerEveryToolCall(messages)
}

const NOT_RUN = 'Not run: the answer was interrupted before this tool ran.'

/** Providers refuse a tool call without its result: an answer cut after one (client gone, step limit) gets "not run". */
function answerEveryToolCall(messages: ChatMessage[]): ChatMessage[] {
  const fixed: ChatMessage[] = []
  messages.forEach((message, index) => {
    fixed.push(message)
    if (message.role !== 'assistant' || typeof message.content === 'string') return
    const callIds = message.content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []))
    if (callIds.length === 0) return
    const next = messages[index + 1]
    const nextBlocks = next?.role === 'user' ? userBlocks(next.content) : []
    const answered = new Set(nextBlocks.flatMap((block) => (block.type === 'tool_result' ? [block.tool_use_id] : [])))
    const missing: ToolResultBlock[] = callIds.filter((id) => !answered.has(id)).map((id) => ({ content: NOT_RUN, is_error: true, tool_use_id: id, type: 'tool_result' }))
    if (missing.length === 0) return
    if (next?.role === 'user') next.content = [...missing, ...nextBlocks]
    else fixed.push({ content: missing, role: 'user' })
  })
  return fixed
}

/** The conversation's recent turns followed by the new question, as the provider will read them. */
export async function messagesWithQuestion(req: PayloadRequest, conversationId: null | number, question: string): Promise<ChatMessage[]> {
  const asked: StoredMessage = { content: questionContent(question), role: 'user' }
  if (conversationId === null) return toChatMessages([asked])
  const { docs } = await req.payload.find({
    collection: 'ai-messages',
    depth: 0,
    limit: HISTORY_MESSAGES,
    overrideAccess: true,
    req,
    select: { content: true, role: true },
    // Ids, not timestamps: two turns can be written within one millisecond.
    sort: '-id',
    where: { conversation: { equals: conversationId } },
  })
  return toChatMessages([...withinBudget(docs.reverse() as StoredMessage[]), asked])
}

const isQuestion = (message: StoredMessage) => message.role === 'user' && userBlocks(message.content).every((block) => block.type === 'text')

/** The newest turns that fit HISTORY_CHARS, cut at a question so no tool result loses its call. */
function withinBudget(stored: StoredMessage[]): StoredMessage[] {
  let kept = stored
  while (JSON.stringify(kept).length > HISTORY_CHARS) {
    const nextQuestion = kept.findIndex((message, index) => index > 0 && isQuestion(message))
    if (nextQuestion === -1) return []
    kept = kept.slice(nextQuestion)
  }
  return kept
}

export type StoredTurn = {
  actions?: unknown[]
  content: ChatMessage['content']
  credits?: number
  inputTokens?: number
  outputTokens?: number
  role: 'assistant' | 'user'
  stopReason?: string
  text?: string
  toolCalls?: unknown[]
  toolResults?: unknown[]
}

/** Appends one turn to the conversation (trusted code: the user may not write messages themselves). */
export async function appendMessage(req: PayloadRequest, where: { conversation: number; tenant: number; user: number }, turn: StoredTurn): Promise<void> {
  await req.payload.create({
    collection: 'ai-messages',
    data: { ...turn, content: turn.content as never, conversation: where.conversation, tenant: where.tenant, user: where.user },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
