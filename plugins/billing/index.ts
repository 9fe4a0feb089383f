// Billing: what studios pay Atelier. Plans (synced to Stripe), one subscription per studio mirrored from
// Stripe's webhooks (through payments' event-handler seam), limits that hold, dunning, and the AI-credit
// ledger. List it after payments and signup (it registers with both) and before the audit log and tenancy.
import type { CollectionBeforeChangeHook, CollectionConfig, Config, Field } from 'payload'

import type { BillingPluginOptions } from './types'

import { nobody } from '../../access/nobody'
import { registerCapabilities } from '../rbac'
import { registerPaidCheck, registerPlanChooser, registerProvisioner } from '../signup'
import { CreditLedger } from './collections/CreditLedger'
import { CreditPacks } from './collections/CreditPacks'
import { Plans } from './collections/Plans'
import { Subscriptions } from './collections/Subscriptions'
import { creditPacksEndpoint, creditsEndpoint } from './endpoints/credits'
import { creditsHistoryEndpoint } from './endpoints/creditsHistory'
import { creditsPurchaseEndpoint } from './endpoints/creditsPurchase'
import { cancelEndpoint, checkoutEndpoint, checkoutRedirectEndpoint, downgradeEndpoint, upgradeEndpoint, upgradePreviewEndpoint } from './endpoints/subscriptionChanges'
import { plansEndpoint, portalEndpoint, subscriptionEndpoint } from './endpoints/subscriptionRead'
import { usageEndpoint } from './endpoints/usage'
import { enforceAssignmentSeatLimit } from './hooks/enforceAssignmentSeatLimit'
import { enforceBookingLimit } from './hooks/enforceBookingLimit'
import { enforceRoomLimit } from './hooks/enforceRoomLimit'
import { enforceSeatLimit } from './hooks/enforceSeatLimit'
import { recordSuspensionCause } from './hooks/recordSuspensionCause'
import { billingSweepTask } from './jobs/billingSweep'
import { isPaying, subscriptionOf } from './services/currentPlan'
import { provisionBilling } from './services/customer'
import { BILLING_OPTIONS_KEY, resolveBillingOptions } from './services/options'
import { billingPlanChooser } from './services/planChooser'
import { registerPackPurchaseHandler } from './services/packPurchase'
import { registerPackRefundHandler } from './services/packRefund'
import { registerSubscriptionEventHandlers } from './services/subscriptionEvents'

export { billingOptionsFromEnv } from './services/options'
export { enforcePlanLimit, planLimit } from './services/limits'
export type { EnforcedLimitName, LimitUsage } from './services/limitDecision'
export type { PlanLimitName } from './services/limitNames'
export { holdCredits, insufficientCredits, settleCredits, spendCredits, type CreditResult, type SpendArgs } from './services/credits'
export { creditBalance, creditsSpentSince } from './services/creditReads'
export type { BillingPluginOptions } from './types'

// One limit per collection, checked last among its beforeChange hooks (after booking's room lock).
const LIMIT_HOOKS: Record<string, CollectionBeforeChangeHook> = {
  bookings: enforceBookingLimit,
  'role-assignments': enforceAssignmentSeatLimit,
  rooms: enforceRoomLimit,
  users: enforceSeatLimit,
}

// Why a studio is suspended, so that a payment reopens only what billing (or the trial's end) closed.
const suspendedForField: Field = {
  name: 'suspendedFor',
  type: 'select',
  access: { create: nobody, update: nobody },
  admin: { position: 'sidebar', readOnly: true },
  options: ['trial_ended', 'unpaid', 'subscription_ended', 'operator'],
}

const withSuspensionCause = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'tenants'
    ? {
        ...collection,
        fields: [...collection.fields, suspendedForField],
        hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), recordSuspensionCause] },
      }
    : collection

const withLimitHook = (collection: CollectionConfig): CollectionConfig => {
  const hook = LIMIT_HOOKS[collection.slug]
  if (!hook) return collection
  return { ...collection, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), hook] } }
}

export const billingPlugin =
  (options: BillingPluginOptions) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const registered = [
      (next: Config) => registerCapabilities(next, { billing: ['read', 'manage'] }),
      (next: Config) => registerProvisioner(next, provisionBilling),
      // The trial job leaves a studio that pays (or has a card on file in a Stripe trial) alone.
      (next: Config) => registerPaidCheck(next, async ({ req, tenant }) => isPaying(await subscriptionOf(req, tenant.id))),
      (next: Config) => registerPlanChooser(next, billingPlanChooser),
      registerSubscriptionEventHandlers,
      registerPackPurchaseHandler,
      registerPackRefundHandler,
    ]
    const config = registered.reduce((next, register) => register(next), incomingConfig)
    return {
      ...config,
      collections: [...(config.collections ?? []).map(withLimitHook).map(withSuspensionCause), Plans, Subscriptions, CreditLedger, CreditPacks],
      custom: { ...config.custom, [BILLING_OPTIONS_KEY]: resolveBillingOptions(options) },
      endpoints: [
        ...(config.endpoints ?? []),
        checkoutRedirectEndpoint,
        checkoutEndpoint,
        upgradePreviewEndpoint,
        upgradeEndpoint,
        downgradeEndpoint,
        cancelEndpoint,
        subscriptionEndpoint,
        plansEndpoint,
        portalEndpoint,
        usageEndpoint,
        creditsEndpoint,
        creditPacksEndpoint,
        creditsHistoryEndpoint,
        creditsPurchaseEndpoint,
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), billingSweepTask] },
    }
  }
