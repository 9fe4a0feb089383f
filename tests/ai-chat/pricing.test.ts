// Credits from token usage, by hand: 1 credit = 0.001 USD, prices per million tokens, always rounded up.
import { describe, expect, it } from 'vitest'

import { CREDIT_MICRO_USD, costInCredits, estimateCredits, MODEL_PRICES, priceOf } from '../../plugins/ai-chat/services/pricing'
import { DEFAULT_AI_MODEL, readProviderConfig } from '../../plugins/ai-chat/services/providerConfig'

describe('costInCredits', () => {
  it('prices input and output at their own rates (Sonnet 5.5: $2 / $10 per MTok)', () => {
    // 1,000 × $2/M = $0.002 and 500 × $10/M = $0.005: $0.007 = 7 credits exactly.
    expect(costInCredits('claude-sonnet-5-5', { inputTokens: 1_000, outputTokens: 500 })).toBe(7)
    // 12,345 × $2/M = $0.02469 and 678 × $10/M = $0.00678: $0.03147 = 31.47 credits, charged 32.
    expect(costInCredits('claude-sonnet-5-5', { inputTokens: 12_345, outputTokens: 678 })).toBe(32)
  })

  it('rounds any fraction of a credit up, never down', () => {
    // One input token on Haiku 5.5 is $0.0000001: a ten-thousandth of a credit, still 1 credit.
    expect(costInCredits('claude-haiku-5-5', { inputTokens: 1, outputTokens: 0 })).toBe(1)
    // Exactly 1 credit on Haiku 5.5 (2,000 output tokens × $0.50/M = $0.001), and one token more is 2.
    expect(costInCredits('claude-haiku-5-5', { inputTokens: 0, outputTokens: 2_000 })).toBe(1)
    expect(costInCredits('claude-haiku-5-5', { inputTokens: 0, outputTokens: 2_001 })).toBe(2)
    expect(costInCredits('claude-sonnet-5-5', { inputTokens: 0, outputTokens: 0 })).toBe(0)
  })

  it('has no float drift: sums of tenths of a cent stay exact', () => {
    // 0.1 + 0.2 style traps: 3 calls of 150 input tokens on gpt-4.1-mini ($0.40/M) cost 0.06 credits each.
    expect(costInCredits('gpt-4.1-mini', { inputTokens: 450, outputTokens: 0 })).toBe(1)
    // A large call: 900,000 input and 128,000 output on Opus 5.5 = $3.60 + $2.56 = $6.16 = 6,160 credits.
    expect(costInCredits('claude-opus-5-5', { inputTokens: 900_000, outputTokens: 128_000 })).toBe(6_160)
  })

  it("charges Haiku 5.5's long-prompt rate for the whole call above 100,000 input tokens", () => {
    // 100,000 × $0.10/M = $0.01 = 10 credits; 100,001 × $0.50/M = $0.0500005 = 50.0005, charged 51.
    expect(costInCredits('claude-haiku-5-5', { inputTokens: 100_000, outputTokens: 0 })).toBe(10)
    expect(costInCredits('claude-haiku-5-5', { inputTokens: 100_001, outputTokens: 0 })).toBe(51)
  })

  it('refuses an unknown model and a usage that is not whole tokens', () => {
    expect(() => costInCredits('claude-imaginary-9', { inputTokens: 1, outputTokens: 1 })).toThrow(/no price.*MODEL_PRICES/)
    expect(() => priceOf('toString')).toThrow(/no price/) // no prototype keys taken for models
    expect(() => costInCredits('claude-sonnet-5-5', { inputTokens: -1, outputTokens: 0 })).toThrow(RangeError)
    expect(() => costInCredits('claude-sonnet-5-5', { inputTokens: 1.5, outputTokens: 0 })).toThrow(RangeError)
  })
})

describe('estimateCredits', () => {
  it('prices the counted input plus the whole output budget', () => {
    // 2,400 × $2/M + 4,096 × $10/M = $0.0048 + $0.04096 = $0.04576: 45.76, so 46 credits held.
    expect(estimateCredits('claude-sonnet-5-5', 2_400, 4_096)).toBe(46)
    expect(estimateCredits('claude-sonnet-5-5', 2_400, 4_096)).toBeGreaterThanOrEqual(
      costInCredits('claude-sonnet-5-5', { inputTokens: 2_400, outputTokens: 4_000 }),
    )
  })

  it('states its unit: one credit is a thousandth of a dollar', () => {
    expect(CREDIT_MICRO_USD).toBe(1_000)
    expect(Object.values(MODEL_PRICES).every((price) => Number.isSafeInteger(price.input) && Number.isSafeInteger(price.output))).toBe(true)
  })
})

describe('readProviderConfig', () => {
  it('is off (null) without a key, or with an empty one', () => {
    expect(readProviderConfig({})).toBeNull()
    expect(readProviderConfig({ ANTHROPIC_API_KEY: '  ', ATELIER_AI_MODEL: 'claude-haiku-5-5' })).toBeNull()
  })

  it('with a key: the default model, which is priced, and the base URL when given', () => {
    expect(readProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-x' })).toEqual({
      provider: 'anthropic',
      apiKey: 'sk-ant-x',
      baseUrl: undefined,
      model: DEFAULT_AI_MODEL,
    })
    expect(priceOf(DEFAULT_AI_MODEL).provider).toBe('anthropic')
    expect(
      readProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_BASE_URL: 'http://127.0.0.1:4010', ATELIER_AI_MODEL: 'claude-haiku-5-5' }),
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:4010', model: 'claude-haiku-5-5' })
  })

  it('refuses a model without a price, an OpenAI model, and a malformed base URL', () => {
    expect(() => readProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-x', ATELIER_AI_MODEL: 'claude-imaginary-9' })).toThrow(/no price/)
    expect(() => readProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-x', ATELIER_AI_MODEL: 'gpt-4.1-mini' })).toThrow(/openai model/)
    expect(() => readProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_BASE_URL: 'not a url' })).toThrow(/ANTHROPIC_BASE_URL/)
  })
})
