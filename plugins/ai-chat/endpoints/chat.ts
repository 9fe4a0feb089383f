// POST /api/ai/chat: one message to the assistant. Everything that can refuse runs before the stream opens
// (JSON 4xx); then the answer streams as Server-Sent Events.
import type { Endpoint, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'
import { z } from 'zod'

import type { Tenant } from '../../../payload-types'

import { HttpError, notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { signedInUser } from '../../../utilities/signedInUser'
import { creditBalance, insufficientCredits } from '../../billing'
import { tenantForPermission } from '../../rbac'
import { eventStreamResponse } from '../services/eventStream'
import { appendQuestion, startConversation, touchConversation } from '../services/conversations'
import { messagesWithQuestion } from '../services/history'
import { providerFailure } from '../services/modelCall'
import { estimateCredits } from '../services/pricing'
import { AI_REFERENCE_PREFIX, holdForCall } from '../services/spending'
import { runTurn } from '../services/chatTurn'
import { ProviderError } from '../types'
import { enabledAssistant } from './enabledAssistant'
import { chatRequest } from '../services/chatRequest'

const chatBody = z
  .object({
    confirmCost: z.literal(true).optional(),
    message: z.string().trim().min(1, 'Write a message.').max(4000, 'At most 4,000 characters.'),
    sessionId: z.uuid().optional(),
    tenant: z.number().int().positive().max(2 ** 31 - 1).optional(),
  })
  .strict()

type Conversation = { id: number; sessionId: string; tenant: number }

/** The caller's own conversation of that id (404 for anyone else's), or null for a new one. */
async function ownConversation(req: PayloadRequest, sessionId: string | undefined, userId: number): Promise<Conversation | null> {
  if (!sessionId) return null
  const { docs } = await req.payload.find({ collection: 'ai-conversations', depth: 0, limit: 1, overrideAccess: true, req, where: { sessionId: { equals: sessionId } } })
  const found = docs[0]
  if (!found || Number(found.user) !== userId) throw notFound('Conversation not found.')
  return { id: found.id, sessionId: found.sessionId, tenant: Number(found.tenant) }
}

/** Counts the input; a provider failure here answers 503 (or 429) before anything is held. */
async function countInput(req: PayloadRequest, count: () => Promise<number>): Promise<number> {
  try {
    return await count()
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error
    const failure = providerFailure(error)
    req.payload.logger.warn({ err: error, msg: 'AI provider refused to count tokens' })
    const status = failure.code === 'provider_rate_limited' ? 429 : 503
    const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) }
    throw new HttpError(status, failure.message, [{ message: failure.message }], { code: failure.code }, headers)
  }
}

export const chatEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const options = enabledAssistant(req)
    // JSON only: a form or text/plain POST from another page must not ride the session cookie.
    if (!/^application\/json\b/i.test(req.headers.get('content-type') ?? '')) throw new HttpError(415, 'Send the message as application/json.')
    const body = await parseBody(req, chatBody)
    await options.userLimiter.consume(req.payload, `user:${user.id}`)
    const existing = await ownConversation(req, body.sessionId, user.id)
    if (existing && body.tenant !== undefined && body.tenant !== existing.tenant) throw notFound('Conversation not found.')
    const tenant: Tenant = await tenantForPermission(req, existing?.tenant ?? body.tenant, 'ai', 'use')

    const balance = await creditBalance(req, tenant.id)
    if (balance <= 0) throw insufficientCredits(balance, 1)
    const provider = options.provider
    const request = await chatRequest(req, tenant, await messagesWithQuestion(req, existing?.id ?? null, body.message), options)
    const inputTokens = await countInput(req, () => provider.countTokens(request))
    const estimate = estimateCredits(provider.model, inputTokens, request.maxOutputTokens)
    if (estimate > options.confirmAbove && !body.confirmCost) {
      const message = `This message may cost up to ${estimate} credits. Send it again with confirmCost: true to go ahead.`
      throw new HttpError(402, message, [{ message }], { balance, code: 'confirm_cost', estimate })
    }

    const turnId = randomUUID()
    const reference = `${AI_REFERENCE_PREFIX}${turnId}:1`
    // The hold, the conversation and the question: all written, or none.
    const held = await holdForCall(req, { amount: estimate, reference, tenant, user: user.id }, async () => {
      const conversation = existing ?? (await startConversation(req, { model: provider.model, tenant: tenant.id, title: body.message, user: user.id }))
      // Touched now, so the nightly retention cannot take it away while it answers.
      if (existing) await touchConversation(req, existing.id)
      await appendQuestion(req, { conversation: conversation.id, tenant: tenant.id, user: user.id }, body.message)
      return conversation
    })
    const turn = { conversation: held.then, firstHold: { balance: held.balance, estimate, reference }, options, question: body.message, req, request, tenant, turnId, user: user.id }
    return eventStreamResponse(
      (send, client) => runTurn(turn, send, client),
      (error) => req.payload.logger.error({ err: error, msg: 'AI chat stream failed' }),
    )
  }),
  method: 'post',
  path: '/ai/chat',
}
