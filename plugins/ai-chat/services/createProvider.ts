// The one place a provider is built from its settings: the chat never names a vendor.
import type { ChatProvider } from '../types'
import type { ProviderConfig } from './providerConfig'

import { anthropicProvider } from './anthropicProvider'
import { openaiProvider } from './openaiProvider'

// The type lives with readProviderConfig, which makes it; re-exported for code that imported it from here.
export type { ProviderConfig } from './providerConfig'

/** The provider for `config` (from `readProviderConfig`). */
export function createProvider(config: ProviderConfig): ChatProvider {
  switch (config.provider) {
    case 'anthropic':
      return anthropicProvider({ apiKey: config.apiKey, baseUrl: config.baseUrl, model: config.model })
    case 'openai':
      return openaiProvider({ apiKey: config.apiKey, baseUrl: config.baseUrl, model: config.model })
  }
}
