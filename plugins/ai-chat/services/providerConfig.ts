// Reads the assistant's provider settings from an env record. No key means no assistant: null, not an error.
import { z } from 'zod'

import { priceOf } from './pricing'

/** The Claude model used when ATELIER_AI_MODEL is not set; it has a row in the price table. */
export const DEFAULT_AI_MODEL = 'claude-sonnet-5-5'

export type AnthropicConfig = {
  provider: 'anthropic'
  apiKey: string
  /** undefined: the SDK's own default, https://api.anthropic.com */
  baseUrl: string | undefined
  model: string
}

// An empty variable (`ANTHROPIC_API_KEY=` in a compose file) counts as unset.
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const schema = z.object({
  ANTHROPIC_API_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  ANTHROPIC_BASE_URL: z.preprocess(blankAsUnset, z.string().url().optional()),
  ATELIER_AI_MODEL: z.preprocess(blankAsUnset, z.string().trim().default(DEFAULT_AI_MODEL)),
})

/**
 * The Anthropic provider's settings, or null when `ANTHROPIC_API_KEY` is unset (the assistant is then off).
 * Throws on a malformed base URL or on a model without an Anthropic price, so a bad deploy fails at boot.
 */
export function readProviderConfig(env: Record<string, string | undefined> = process.env): AnthropicConfig | null {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid AI assistant environment: ${details.join('; ')}`)
  }
  const { ANTHROPIC_API_KEY: apiKey, ANTHROPIC_BASE_URL: baseUrl, ATELIER_AI_MODEL: model } = parsed.data
  if (!apiKey) return null
  const price = priceOf(model)
  if (price.provider !== 'anthropic') {
    throw new Error(`ATELIER_AI_MODEL "${model}" is a ${price.provider} model, not one the Anthropic provider can run.`)
  }
  return { provider: 'anthropic', apiKey, baseUrl, model }
}
