// The messages of a conversation as the provider saw them (content blocks), with what each model call cost.
// `user` turns hold the question or the tool results; `assistant` turns the answer, its tool calls and the
// action cards offered.
import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { ownOrReadAll } from '../access/ownOrReadAll'

export const AiMessages: CollectionConfig = {
  slug: 'ai-messages',
  access: { create: nobody, delete: nobody, read: ownOrReadAll, update: nobody },
  admin: { defaultColumns: ['conversation', 'role', 'text', 'credits', 'createdAt'], group: 'Assistant' },
  custom: { tenantScoped: true },
  defaultSort: 'createdAt',
  fields: [
    { name: 'conversation', type: 'relationship', index: true, relationTo: 'ai-conversations', required: true },
    { name: 'user', type: 'relationship', index: true, relationTo: 'users', required: true },
    { name: 'role', type: 'select', options: ['user', 'assistant'], required: true },
    { name: 'text', type: 'textarea', admin: { description: 'The plain text of the turn, for reading.' } },
    { name: 'content', type: 'json', admin: { description: 'The content blocks as sent to the provider.' }, required: true },
    { name: 'toolCalls', type: 'json' },
    { name: 'toolResults', type: 'json' },
    { name: 'actions', type: 'json' },
    { name: 'inputTokens', type: 'number' },
    { name: 'outputTokens', type: 'number' },
    { name: 'credits', type: 'number' },
    { name: 'stopReason', type: 'text' },
  ],
}
