export type BillingPluginOptions = {
  enabled?: boolean
  /**
   * Days an unpaid invoice may stay unpaid before the studio is suspended.
   * @default 7
   */
  graceDays?: number
  /** Where Stripe sends owners back after Checkout or the portal, e.g. https://atelier.example.com. */
  publicUrl: string
  /**
   * The plan whose limits a studio in trial works within (by code); none found: no limits in trial.
   * @default 'studio'
   */
  trialPlan?: string
}
