// What a model call costs, in credits. The one table of model prices, and exact integer conversion.
//
// Prices are the vendors' list prices in micro-USD (1 USD = 1_000_000) per million tokens, so $2.00 / MTok is
// 2_000_000. One credit is 0.001 USD (CREDIT_MICRO_USD = 1_000): a call's cost is
//   ceil((inputTokens × input + outputTokens × output) / (1_000_000 × CREDIT_MICRO_USD))
// computed on BigInt, rounded up so a call is never under-charged. Change a price here and nowhere else.
// Sources: platform.claude.com/docs models overviews; openai.com/api/pricing.

export type ModelPrice = {
  provider: 'anthropic' | 'openai'
  /** micro-USD per million input tokens */
  input: number
  /** micro-USD per million output tokens */
  output: number
  /** A higher rate for the whole call once the prompt passes `aboveInputTokens` (Haiku 5.5's long-prompt tier). */
  longPrompt?: { aboveInputTokens: number; input: number; output: number }
}

export const CREDIT_MICRO_USD = 1_000
const TOKENS_PER_PRICE_UNIT = 1_000_000n

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-5-5': { provider: 'anthropic', input: 4_000_000, output: 20_000_000 },
  'claude-sonnet-5-5': { provider: 'anthropic', input: 2_000_000, output: 10_000_000 },
  'claude-haiku-5-5': {
    provider: 'anthropic',
    input: 100_000,
    output: 500_000,
    longPrompt: { aboveInputTokens: 100_000, input: 500_000, output: 2_500_000 },
  },
  'claude-sonnet-4-6': { provider: 'anthropic', input: 3_000_000, output: 15_000_000 },
  'claude-haiku-4-5': { provider: 'anthropic', input: 1_000_000, output: 5_000_000 },
  // The OpenAI provider's default at the Standard tier: $0.40 input / $1.60 output per MTok ($0.20 / $0.80 is
  // Batch, unused here; cached input, $0.10, is charged at the full rate, never under). OpenAI's own page was not
  // read directly: the figures agree across vercel.com/ai-gateway/models/gpt-4.1-mini (OpenAI as provider),
  // tokenmath.io/openai-api-pricing-explained and deploybase.ai/articles/gpt-4.1-pricing.
  'gpt-4.1-mini': { provider: 'openai', input: 400_000, output: 1_600_000 },
}

export type TokenUsage = { inputTokens: number; outputTokens: number }

/** The model's prices; an unknown model is a configuration error, refused before any call is made. */
export function priceOf(model: string): ModelPrice {
  const price = Object.hasOwn(MODEL_PRICES, model) ? MODEL_PRICES[model] : undefined
  if (!price) {
    const known = Object.keys(MODEL_PRICES).join(', ')
    throw new Error(`AI model "${model}" has no price: add it to MODEL_PRICES in plugins/ai-chat/services/pricing.ts (priced: ${known}).`)
  }
  return price
}

const tokenCount = (name: string, value: number): bigint => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of tokens, not ${value}.`)
  return BigInt(value)
}

/** The credits a call with this usage costs: an integer, rounded up. */
export function costInCredits(model: string, usage: TokenUsage): number {
  const price = priceOf(model)
  const inputTokens = tokenCount('inputTokens', usage.inputTokens)
  const outputTokens = tokenCount('outputTokens', usage.outputTokens)
  const rate = price.longPrompt && usage.inputTokens > price.longPrompt.aboveInputTokens ? price.longPrompt : price
  const microUsdTimesMillion = inputTokens * BigInt(rate.input) + outputTokens * BigInt(rate.output)
  const divisor = TOKENS_PER_PRICE_UNIT * BigInt(CREDIT_MICRO_USD)
  return Number((microUsdTimesMillion + divisor - 1n) / divisor)
}

/** The most a call can cost: its counted input plus the whole output budget. What the hold is sized to. */
export const estimateCredits = (model: string, inputTokens: number, maxOutputTokens: number): number =>
  costInCredits(model, { inputTokens, outputTokens: maxOutputTokens })
