import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { BillingPluginOptions } from '../types'

export const BILLING_OPTIONS_KEY = 'atelierBilling'

export type ResolvedBillingOptions = Required<Omit<BillingPluginOptions, 'enabled'>>

export const billingOptionsFromEnv = (env: AtelierEnv): BillingPluginOptions => ({
  graceDays: env.ATELIER_BILLING_GRACE_DAYS,
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
  trialPlan: env.ATELIER_BILLING_TRIAL_PLAN,
})

export const resolveBillingOptions = (options: BillingPluginOptions): ResolvedBillingOptions => ({
  graceDays: options.graceDays ?? 7,
  publicUrl: options.publicUrl,
  trialPlan: options.trialPlan ?? 'studio',
})

export const billingOptions = (payload: Payload): ResolvedBillingOptions => payload.config.custom[BILLING_OPTIONS_KEY] as ResolvedBillingOptions
