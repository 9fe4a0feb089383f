import type { PayloadRequest } from 'payload'

import type { ChatProvider } from '../types'

import { HttpError } from '../../../utilities/apiErrors'
import { aiOptions, type ResolvedAiOptions } from '../services/options'

/** The assistant's options with its provider, or 503 `ai_disabled` when no provider key is configured. */
export function enabledAssistant(req: PayloadRequest): ResolvedAiOptions & { provider: ChatProvider } {
  const options = aiOptions(req.payload)
  if (!options?.provider) {
    const message = 'The AI assistant is not enabled on this platform.'
    throw new HttpError(503, message, [{ message }], { code: 'ai_disabled' })
  }
  return options as ResolvedAiOptions & { provider: ChatProvider }
}
