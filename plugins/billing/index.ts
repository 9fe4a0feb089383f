// Billing: what studios pay Atelier. Plans (synced to Stripe), one subscription per studio mirrored from
// Stripe's webhooks (through payments' event-handler seam), limits that hold, dunning, and the AI-credit
// ledger. List it after payments and signup (it registers with both) and before the audit log and tenancy.
import type { Config } from 'payload'

import type { BillingPluginOptions } from './types'

import { registerCapabilities } from '../rbac'
import { CreditLedger } from './collections/CreditLedger'
import { CreditPacks } from './collections/CreditPacks'
import { Plans } from './collections/Plans'
import { Subscriptions } from './collections/Subscriptions'
import { BILLING_OPTIONS_KEY, resolveBillingOptions } from './services/options'

export { billingOptionsFromEnv } from './services/options'
export { holdCredits, insufficientCredits, settleCredits, spendCredits, type CreditResult, type SpendArgs } from './services/credits'
export type { BillingPluginOptions } from './types'

export const billingPlugin =
  (options: BillingPluginOptions) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const config = registerCapabilities(incomingConfig, { billing: ['read', 'manage'] })
    return {
      ...config,
      collections: [...(config.collections ?? []), Plans, Subscriptions, CreditLedger, CreditPacks],
      custom: { ...config.custom, [BILLING_OPTIONS_KEY]: resolveBillingOptions(options) },
    }
  }
