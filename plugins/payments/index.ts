// Payments: Stripe deposits for bookings, replay-safe webhooks, refunds, and the expiry of holds awaiting a
// payment (their Checkout Session closed first; other pending holds are the booking plugin's). Needs the booking
// plugin before it; list it before the audit log (which hooks its collections) and tenancy.
//
// Not @payloadcms/plugin-stripe: it pins an old Stripe API version and acknowledges webhooks before its
// handlers run, while every event here must be stored before the 2xx and processed exactly once. The
// official SDK is used directly instead (services/stripeClient.ts).
import type { CollectionConfig, Config, Field } from 'payload'

import type { PaymentsPluginOptions } from './types'

import { nobody } from '../../access/nobody'
import { Payments } from './collections/Payments'
import { Refunds } from './collections/Refunds'
import { StripeEvents } from './collections/StripeEvents'
import { createPaymentEndpoint, staffRefundEndpoint } from './endpoints/payments'
import { stripeWebhookEndpoint } from './endpoints/webhook'
import { refundOnCancellation } from './hooks/refundOnCancellation'
import { registerDepositEventHandlers } from './services/events'
import { expireHoldsTask, processStripeEventTask, refundCancellationTask } from './jobs/tasks'
import { PAYMENTS_OPTIONS_KEY, resolvePaymentsOptions } from './services/options'

export { registerStripeEventHandler, type EventOutcome, type StripeEventHandler } from './services/eventHandlers'
export { paymentsOptions, paymentsOptionsFromEnv, stripeOf } from './services/options'
export { describeStripeError } from './services/stripeClient'
export { refundablePayment } from './services/refunds'
export type { PaymentsPluginOptions } from './types'

// The booking plugin owns `holdExpiresAt`; a Checkout Session moves it (see services/checkout.ts).
const bookingPaymentFields: Field[] = [
  {
    name: 'depositPaidAt',
    type: 'date',
    access: { create: nobody, update: nobody },
    admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
  },
]

const withPayments = (bookings: CollectionConfig): CollectionConfig => ({
  ...bookings,
  endpoints: [...(Array.isArray(bookings.endpoints) ? bookings.endpoints : []), staffRefundEndpoint],
  fields: [...bookings.fields, ...bookingPaymentFields],
  hooks: { ...bookings.hooks, afterChange: [...(bookings.hooks?.afterChange ?? []), refundOnCancellation] },
})

export const paymentsPlugin =
  (options: PaymentsPluginOptions) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const collections = (config.collections ?? []).map((collection) => (collection.slug === 'bookings' ? withPayments(collection) : collection))
    if (!collections.some((collection) => collection.slug === 'bookings')) throw new Error('paymentsPlugin needs bookingPlugin before it.')
    return registerDepositEventHandlers({
      ...config,
      collections: [...collections, Payments, Refunds, StripeEvents],
      custom: { ...config.custom, [PAYMENTS_OPTIONS_KEY]: resolvePaymentsOptions(options) },
      endpoints: [...(config.endpoints ?? []), createPaymentEndpoint, stripeWebhookEndpoint],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), processStripeEventTask, refundCancellationTask, expireHoldsTask] },
    })
  }
