// The assistant's settings, resolved once into the config, and read back by endpoints and jobs.
import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { AiChatPluginOptions, ChatProvider } from '../types'

import { createRateLimiter, type RateLimiter } from '../../../utilities/rateLimit'
import { createProvider } from './createProvider'
import { readProviderConfig } from './providerConfig'

export const AI_OPTIONS_KEY = 'atelierAiChat'

export type ResolvedAiOptions = Required<Omit<AiChatPluginOptions, 'enabled' | 'provider'>> & {
  provider: ChatProvider | null
  /** Chat messages per user, one limiter for the config's life. */
  userLimiter: RateLimiter
}

/** The provider from the environment (null without a key: the assistant is off) and the limits around it. */
export function aiChatOptionsFromEnv(env: AtelierEnv): AiChatPluginOptions {
  const providerConfig = readProviderConfig({
    ANTHROPIC_API_KEY: env.ANTHROPIC_API_KEY,
    ANTHROPIC_BASE_URL: env.ANTHROPIC_BASE_URL,
    ATELIER_AI_MODEL: env.ATELIER_AI_MODEL,
    ATELIER_AI_PROVIDER: env.ATELIER_AI_PROVIDER,
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: env.OPENAI_BASE_URL,
  })
  return {
    confirmAbove: env.ATELIER_AI_CONFIRM_ABOVE,
    maxOutputTokens: env.ATELIER_AI_MAX_OUTPUT_TOKENS,
    provider: providerConfig ? createProvider(providerConfig) : null,
    rateLimitPerMinute: env.ATELIER_AI_RATE_LIMIT,
    retentionDays: env.ATELIER_AI_RETENTION_DAYS,
  }
}

export const resolveAiOptions = (options: AiChatPluginOptions): ResolvedAiOptions => ({
  confirmAbove: options.confirmAbove ?? 20,
  maxModelCalls: options.maxModelCalls ?? 4,
  maxOutputTokens: options.maxOutputTokens ?? 1024,
  provider: options.provider,
  rateLimitPerMinute: options.rateLimitPerMinute ?? 20,
  retentionDays: options.retentionDays ?? 90,
  userLimiter: createRateLimiter({ limit: options.rateLimitPerMinute ?? 20, name: 'ai-chat', onStoreError: 'allow', windowMs: 60_000 }),
})

export const aiOptions = (payload: Payload): ResolvedAiOptions => payload.config.custom[AI_OPTIONS_KEY] as ResolvedAiOptions
