import type { PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'
import type { ChatMessage, ChatRequest } from '../types'
import type { ResolvedAiOptions } from './options'

import { proposeDefinition } from './actions'
import { studioContext } from './studioContext'
import { systemPrompt } from './systemPrompt'
import { toolDefinitions } from './tools'

/** What one model call is sent: instructions with the studio's context, the messages, the tools, the budget. */
export async function chatRequest(req: PayloadRequest, tenant: Tenant, messages: ChatMessage[], options: ResolvedAiOptions): Promise<ChatRequest> {
  return {
    maxOutputTokens: options.maxOutputTokens,
    messages,
    system: systemPrompt(await studioContext(req, tenant)),
    tools: [...toolDefinitions(), proposeDefinition],
  }
}
