// Which provider the env selects, with which key, base URL and model; and the settings refused at boot.
import { describe, expect, it } from 'vitest'

import { createProvider } from '../../plugins/ai-chat/services/createProvider'
import { priceOf } from '../../plugins/ai-chat/services/pricing'
import {
  DEFAULT_AI_MODEL,
  DEFAULT_OPENAI_BASE_URL,
  DEFAULT_OPENAI_MODEL,
  readProviderConfig,
} from '../../plugins/ai-chat/services/providerConfig'

const ANTHROPIC_KEY = 'sk-ant-x'
const OPENAI_KEY = 'sk-proj-x'

describe('readProviderConfig: which provider', () => {
  it('is off (null) without any key, or with blank ones', () => {
    expect(readProviderConfig({})).toBeNull()
    expect(readProviderConfig({ ANTHROPIC_API_KEY: ' ', OPENAI_API_KEY: '', ATELIER_AI_PROVIDER: '' })).toBeNull()
  })

  it('defaults to Anthropic when its key is set, even beside an OpenAI key', () => {
    expect(readProviderConfig({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENAI_API_KEY: OPENAI_KEY })).toEqual({
      provider: 'anthropic',
      apiKey: ANTHROPIC_KEY,
      baseUrl: undefined,
      model: DEFAULT_AI_MODEL,
    })
  })

  it('takes OpenAI when only OPENAI_API_KEY is set, with its default model and base URL', () => {
    expect(readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY })).toEqual({
      provider: 'openai',
      apiKey: OPENAI_KEY,
      baseUrl: DEFAULT_OPENAI_BASE_URL,
      model: DEFAULT_OPENAI_MODEL,
    })
    expect(DEFAULT_OPENAI_BASE_URL).toBe('https://api.openai.com/v1')
    expect(priceOf(DEFAULT_OPENAI_MODEL).provider).toBe('openai')
    expect(readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: 'http://127.0.0.1:4020/v1' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:4020/v1',
    })
  })

  it('follows ATELIER_AI_PROVIDER when set, and never falls back to the other provider’s key', () => {
    const both = { ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENAI_API_KEY: OPENAI_KEY }
    expect(readProviderConfig({ ...both, ATELIER_AI_PROVIDER: 'openai' })).toMatchObject({ provider: 'openai', apiKey: OPENAI_KEY })
    expect(readProviderConfig({ ...both, ATELIER_AI_PROVIDER: 'anthropic' })).toMatchObject({ provider: 'anthropic', apiKey: ANTHROPIC_KEY })
    expect(readProviderConfig({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, ATELIER_AI_PROVIDER: 'openai' })).toBeNull()
    expect(readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, ATELIER_AI_PROVIDER: 'anthropic' })).toBeNull()
  })

  it('refuses an unknown provider and a malformed OpenAI base URL', () => {
    expect(() => readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, ATELIER_AI_PROVIDER: 'gemini' })).toThrow(/ATELIER_AI_PROVIDER/)
    expect(() => readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: 'api.openai.com' })).toThrow(/OPENAI_BASE_URL/)
  })
})

describe('readProviderConfig: which model', () => {
  it('takes ATELIER_AI_MODEL when it is priced for the chosen provider', () => {
    expect(readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, ATELIER_AI_MODEL: 'gpt-4.1-mini' })).toMatchObject({ model: 'gpt-4.1-mini' })
    expect(readProviderConfig({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, ATELIER_AI_MODEL: 'claude-haiku-5-5' })).toMatchObject({ model: 'claude-haiku-5-5' })
  })

  it('refuses a model without a price, or one priced for the other provider', () => {
    expect(() => readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, ATELIER_AI_MODEL: 'gpt-imaginary-9' })).toThrow(/no price/)
    expect(() => readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY, ATELIER_AI_MODEL: DEFAULT_AI_MODEL })).toThrow(
      /an anthropic model, not one the OpenAI provider can run/,
    )
    expect(() => readProviderConfig({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, ATELIER_AI_MODEL: 'gpt-4.1-mini' })).toThrow(
      /an openai model, not one the Anthropic provider can run/,
    )
  })
})

describe('createProvider', () => {
  it('builds the provider the config names, running its model', () => {
    expect(createProvider(readProviderConfig({ OPENAI_API_KEY: OPENAI_KEY })!).model).toBe(DEFAULT_OPENAI_MODEL)
    expect(createProvider(readProviderConfig({ ANTHROPIC_API_KEY: ANTHROPIC_KEY })!).model).toBe(DEFAULT_AI_MODEL)
  })
})
