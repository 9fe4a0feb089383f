// One conversation with the assistant: a user's, in one studio. Written only by the chat endpoint (trusted
// code); read by its owner, and by those who hold ai:read-all in its studio.
import type { CollectionConfig } from 'payload'

import { nobody } from '../../../access/nobody'
import { ownOrReadAll } from '../access/ownOrReadAll'

export const AiConversations: CollectionConfig = {
  slug: 'ai-conversations',
  access: { create: nobody, delete: nobody, read: ownOrReadAll, update: nobody },
  admin: { defaultColumns: ['title', 'user', 'credits', 'lastMessageAt'], group: 'Assistant', useAsTitle: 'title' },
  custom: { tenantScoped: true },
  defaultSort: '-lastMessageAt',
  fields: [
    { name: 'sessionId', type: 'text', admin: { readOnly: true }, index: true, required: true, unique: true },
    { name: 'user', type: 'relationship', index: true, relationTo: 'users', required: true },
    { name: 'title', type: 'text', maxLength: 120 },
    { name: 'model', type: 'text', required: true },
    { name: 'lastMessageAt', type: 'date', index: true, required: true },
    { name: 'inputTokens', type: 'number', defaultValue: 0 },
    { name: 'outputTokens', type: 'number', defaultValue: 0 },
    { name: 'credits', type: 'number', admin: { description: 'Credits charged in all, after settling.' }, defaultValue: 0 },
  ],
}
