// The limits a plan sets: one name per limited resource.
export const PLAN_LIMITS = ['rooms', 'staffSeats', 'bookingsPerMonth', 'customDomains', 'aiCreditsPerMonth'] as const
export type PlanLimitName = (typeof PLAN_LIMITS)[number]

export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'canceled', 'incomplete'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

export const BILLING_INTERVALS = ['month', 'year'] as const
export type BillingInterval = (typeof BILLING_INTERVALS)[number]

/** Statuses in which a studio pays (or is about to): its plan's limits apply and the trial job leaves it be. */
export const PAYING_STATUSES: readonly SubscriptionStatus[] = ['trialing', 'active', 'past_due']
