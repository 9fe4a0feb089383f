import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'
import type { ChatMessage, ChatRequest, TextBlock } from '../types'
import type { ResolvedAiOptions } from './options'

import { proposeDefinition } from './actions'
import { studioContext } from './studioContext'
import { contextBlock, SYSTEM_PROMPT } from './systemPrompt'
import { toolDefinitions } from './tools'

/**
 * What the model calls of one message are sent: the instructions, the history with the studio's context
 * before the new question (the last message), the tools, the output budget.
 */
export async function chatRequest(req: PayloadRequest, tenant: Tenant, messages: ChatMessage[], options: ResolvedAiOptions): Promise<ChatRequest> {
  const context = contextBlock(await studioContext(req, tenant))
  const question = messages.at(-1)!
  const blocks = typeof question.content === 'string' ? [{ text: question.content, type: 'text' } as TextBlock] : question.content
  return {
    maxOutputTokens: options.maxOutputTokens,
    messages: [...messages.slice(0, -1), { content: [context, ...blocks], role: 'user' } as ChatMessage],
    system: SYSTEM_PROMPT,
    tools: [...toolDefinitions(), proposeDefinition],
  }
}
