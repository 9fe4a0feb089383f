// A conversation's first row and each question: written by trusted code inside the hold's transaction.
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { appendMessage, questionContent } from './history'

const TITLE_LENGTH = 80

export async function startConversation(req: PayloadRequest, args: { model: string; tenant: number; title: string; user: number }): Promise<{ id: number; sessionId: string }> {
  const title = args.title.length > TITLE_LENGTH ? `${args.title.slice(0, TITLE_LENGTH - 1)}…` : args.title
  const created = await req.payload.create({
    collection: 'ai-conversations',
    data: { lastMessageAt: new Date().toISOString(), model: args.model, sessionId: randomUUID(), tenant: args.tenant, title, user: args.user },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { id: created.id, sessionId: created.sessionId }
}

export const touchConversation = (req: PayloadRequest, id: number) =>
  req.payload.update({ collection: 'ai-conversations', data: { lastMessageAt: new Date().toISOString() }, depth: 0, id, overrideAccess: true, req })

export const appendQuestion = (req: PayloadRequest, where: { conversation: number; tenant: number; user: number }, question: string) =>
  appendMessage(req, where, { content: questionContent(question), role: 'user', text: question })
