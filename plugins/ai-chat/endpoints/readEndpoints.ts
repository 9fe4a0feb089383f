// GET /api/ai/conversation/:sessionId (the history, for its owner or ai:read-all) and GET /api/ai/context.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { notFound, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { signedInUser } from '../../../utilities/signedInUser'
import { creditBalance } from '../../billing'
import { tenantForPermission, tenantsAllowing } from '../../rbac'
import { studioContext } from '../services/studioContext'
import { enabledAssistant } from './enabledAssistant'

const noStore = { 'Cache-Control': 'private, no-store' }
const sessionParams = z.object({ sessionId: z.uuid('Not a conversation id.') })
const contextQuery = z.object({ tenant: z.coerce.number().int().positive().max(2 ** 31 - 1).optional() }).strict()

export const conversationEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    enabledAssistant(req)
    const { sessionId } = sessionParams.parse(req.routeParams)
    const { docs } = await req.payload.find({ collection: 'ai-conversations', depth: 0, limit: 1, overrideAccess: true, req, where: { sessionId: { equals: sessionId } } })
    const conversation = docs[0]
    const tenant = String(conversation?.tenant)
    // Its owner while they may still use the assistant there (a member removed loses the history too), or ai:read-all.
    const mayRead =
      conversation &&
      (isSuperAdmin(user) ||
        (await tenantsAllowing(req, 'ai', 'read-all')).includes(tenant) ||
        (Number(conversation.user) === user.id && (await tenantsAllowing(req, 'ai', 'use')).includes(tenant)))
    if (!conversation || !mayRead) throw notFound('Conversation not found.')
    const { docs: messages } = await req.payload.find({
      collection: 'ai-messages',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'id',
      where: { conversation: { equals: conversation.id } },
    })
    return Response.json(
      {
        conversation: {
          createdAt: conversation.createdAt,
          credits: conversation.credits ?? 0,
          inputTokens: conversation.inputTokens ?? 0,
          lastMessageAt: conversation.lastMessageAt,
          model: conversation.model,
          outputTokens: conversation.outputTokens ?? 0,
          sessionId: conversation.sessionId,
          tenant: Number(conversation.tenant),
          title: conversation.title,
          user: Number(conversation.user),
        },
        messages: messages.map((message) => ({
          actions: message.actions ?? [],
          content: message.content,
          createdAt: message.createdAt,
          credits: message.credits ?? 0,
          id: message.id,
          inputTokens: message.inputTokens ?? 0,
          outputTokens: message.outputTokens ?? 0,
          role: message.role,
          text: message.text ?? null,
          toolCalls: message.toolCalls ?? [],
          toolResults: message.toolResults ?? [],
        })),
      },
      { headers: noStore },
    )
  }),
  method: 'get',
  path: '/ai/conversation/:sessionId',
}

export const contextEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    signedInUser(req)
    const options = enabledAssistant(req)
    const query = parseQuery(req, contextQuery)
    const tenant = await tenantForPermission(req, query.tenant, 'ai', 'use')
    const context = await studioContext(req, tenant)
    const body = { ...context, balance: await creditBalance(req, tenant.id), confirmAbove: options.confirmAbove, enabled: true, model: options.provider.model }
    return Response.json(body, { headers: noStore })
  }),
  method: 'get',
  path: '/ai/context',
}
