import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { AtelierEnv } from '../../../utilities/env'
import type { PaymentsPluginOptions } from '../types'

import { HttpError } from '../../../utilities/apiErrors'
import { createStripeClient } from './stripeClient'

export const PAYMENTS_OPTIONS_KEY = 'atelierPayments'

export type ResolvedPaymentsOptions = PaymentsPluginOptions & { client: null | Stripe }

export const paymentsOptionsFromEnv = (env: AtelierEnv): PaymentsPluginOptions => ({
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
  stripe: env.STRIPE_SECRET_KEY ? { apiBase: env.STRIPE_API_BASE, secretKey: env.STRIPE_SECRET_KEY } : null,
  webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
})

export const resolvePaymentsOptions = (options: PaymentsPluginOptions): ResolvedPaymentsOptions => ({
  ...options,
  client: options.stripe ? createStripeClient(options.stripe) : null,
})

export const paymentsOptions = (payload: Payload): ResolvedPaymentsOptions => payload.config.custom[PAYMENTS_OPTIONS_KEY] as ResolvedPaymentsOptions

export function stripeOf(payload: Payload): Stripe {
  const { client } = paymentsOptions(payload)
  if (!client) throw new HttpError(503, 'Payments are not configured on this server.')
  return client
}
