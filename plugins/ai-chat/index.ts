// The AI assistant: a studio-aware chat whose tools run as the user (read-only; writes are action cards the
// user presses), that prices each message before it runs and draws on billing's credit ledger exactly
// (hold, then settle to the provider's usage), streamed as Server-Sent Events. Off without a provider key.
// List it after booking, billing and reports (it uses their seams) and before the audit log and tenancy.
import type { CollectionConfig, Config, Field, FieldAccess } from 'payload'

import type { AiChatPluginOptions } from './types'

import { isSuperAdmin } from '../../access/isSuperAdmin'
import { registerCapabilities, tenantsAllowing } from '../rbac'
import { AiConversations } from './collections/AiConversations'
import { AiMessages } from './collections/AiMessages'
import { chatEndpoint } from './endpoints/chat'
import { contextEndpoint, conversationEndpoint } from './endpoints/readEndpoints'
import { aiRetentionTask } from './jobs/retention'
import { AI_OPTIONS_KEY, resolveAiOptions } from './services/options'

export { aiChatOptionsFromEnv } from './services/options'
export type { AiChatPluginOptions, ChatProvider } from './types'

/** Caps are for owners to set: ai:manage in the studio. */
const aiManagers: FieldAccess = async ({ doc, id, req }) => {
  if (isSuperAdmin(req.user)) return true
  const tenantId = doc?.id ?? id
  return Boolean(req.user && tenantId !== undefined && (await tenantsAllowing(req, 'ai', 'manage')).includes(String(tenantId)))
}

const capField = (name: string, description: string): Field => ({
  name,
  type: 'number',
  access: { create: ({ req }) => isSuperAdmin(req.user), update: aiManagers },
  admin: { description, position: 'sidebar' },
  max: 100_000_000,
  min: 0,
})

const capFields: Field[] = [
  capField('aiUserDailyCap', 'AI credits one person may spend per day (studio time). Empty: no cap.'),
  capField('aiTenantMonthlyCap', 'AI credits the studio may spend per calendar month. Empty: no cap.'),
]

const withCapFields = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'tenants' ? { ...collection, fields: [...collection.fields, ...capFields] } : collection

export const aiChatPlugin =
  (options: AiChatPluginOptions) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const config = registerCapabilities(incomingConfig, { ai: ['use', 'read-all', 'manage'] })
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          // A header action on every page; without a provider it renders nothing and asks nothing.
          actions: [...(config.admin?.components?.actions ?? []), { clientProps: { enabled: Boolean(options.provider) }, path: '/plugins/ai-chat/admin/AssistantDrawer#AssistantDrawer' }],
        },
      },
      collections: [...(config.collections ?? []).map(withCapFields), AiConversations, AiMessages],
      custom: { ...config.custom, [AI_OPTIONS_KEY]: resolveAiOptions(options) },
      endpoints: [...(config.endpoints ?? []), chatEndpoint, conversationEndpoint, contextEndpoint],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), aiRetentionTask] },
    }
  }
