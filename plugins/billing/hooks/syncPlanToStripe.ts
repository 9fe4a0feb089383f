import type { CollectionAfterChangeHook } from 'payload'

import type { Plan } from '../../../payload-types'

import { paymentsOptions } from '../../payments'
import { planInStripe, SYNCING_PLAN } from '../services/stripePlans'

/**
 * On save, the plan's Product and Prices at Stripe follow it, in the save's transaction: a Stripe failure
 * fails the save. Without a Stripe key the plan is pushed when a studio first checks out on it.
 */
export const syncPlanToStripe: CollectionAfterChangeHook<Plan> = async ({ context, doc, req }) => {
  if (context[SYNCING_PLAN] || !paymentsOptions(req.payload).client) return doc
  return planInStripe(req, doc, { refresh: true })
}
