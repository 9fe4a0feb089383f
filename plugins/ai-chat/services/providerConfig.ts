// Reads the assistant's provider settings from an env record. No key means no assistant: null, not an error.
import { z } from 'zod'

import { priceOf } from './pricing'

/** The Claude model used when ATELIER_AI_MODEL is not set; it has a row in the price table. */
export const DEFAULT_AI_MODEL = 'claude-sonnet-5-5'
/** The OpenAI model used when ATELIER_AI_MODEL is not set; it has a row in the price table. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini'
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1'

export type AnthropicConfig = {
  provider: 'anthropic'
  apiKey: string
  /** undefined: the SDK's own default, https://api.anthropic.com */
  baseUrl: string | undefined
  model: string
}

export type OpenAIConfig = {
  provider: 'openai'
  apiKey: string
  /** OPENAI_BASE_URL, else DEFAULT_OPENAI_BASE_URL: any server speaking the Responses API. */
  baseUrl: string
  model: string
}

export type ProviderConfig = AnthropicConfig | OpenAIConfig

// An empty variable (`ANTHROPIC_API_KEY=` in a compose file) counts as unset.
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const schema = z.object({
  ANTHROPIC_API_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  ANTHROPIC_BASE_URL: z.preprocess(blankAsUnset, z.string().url().optional()),
  ATELIER_AI_MODEL: z.preprocess(blankAsUnset, z.string().trim().optional()),
  ATELIER_AI_PROVIDER: z.preprocess(blankAsUnset, z.enum(['anthropic', 'openai']).optional()),
  OPENAI_API_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  OPENAI_BASE_URL: z.preprocess(blankAsUnset, z.string().url().optional()),
})

const PROVIDER_NAMES = { anthropic: 'Anthropic', openai: 'OpenAI' } as const

/**
 * The provider's settings, or null when its key is unset (the assistant is then off).
 *
 * The provider is ATELIER_AI_PROVIDER when set; otherwise Anthropic when ANTHROPIC_API_KEY is set, else OpenAI
 * when OPENAI_API_KEY is. A provider named explicitly never falls back to the other one's key.
 * Throws on a malformed variable or on a model without a price for that provider, so a bad deploy fails at boot.
 */
export function readProviderConfig(env: Record<string, string | undefined> = process.env): ProviderConfig | null {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid AI assistant environment: ${details.join('; ')}`)
  }
  const settings = parsed.data
  const provider = settings.ATELIER_AI_PROVIDER ?? (settings.ANTHROPIC_API_KEY ? 'anthropic' : settings.OPENAI_API_KEY ? 'openai' : undefined)
  const apiKey = provider === 'anthropic' ? settings.ANTHROPIC_API_KEY : settings.OPENAI_API_KEY
  if (!provider || !apiKey) return null

  const model = settings.ATELIER_AI_MODEL ?? (provider === 'anthropic' ? DEFAULT_AI_MODEL : DEFAULT_OPENAI_MODEL)
  const price = priceOf(model)
  if (price.provider !== provider) {
    throw new Error(`ATELIER_AI_MODEL "${model}" is an ${price.provider} model, not one the ${PROVIDER_NAMES[provider]} provider can run.`)
  }
  return provider === 'anthropic'
    ? { provider, apiKey, baseUrl: settings.ANTHROPIC_BASE_URL, model }
    : { provider, apiKey, baseUrl: settings.OPENAI_BASE_URL ?? DEFAULT_OPENAI_BASE_URL, model }
}
