// The pure side of plan limits: whether one more fits, and how a usage line reads. No database, no Payload.
import type { PlanLimitName } from './limitNames'

/** Resources counted and refused at the limit; AI credits are a monthly grant, reported but not enforced here. */
export type EnforcedLimitName = Exclude<PlanLimitName, 'aiCreditsPerMonth'>

export type LimitUsage = { limit: null | number; used: number }

export type UsageLine = LimitUsage & {
  over: boolean
  /** Null when unlimited; never below zero, even after a downgrade below usage. */
  remaining: null | number
  resource: PlanLimitName
  warning?: string
}

const LABELS: Record<PlanLimitName, string> = {
  aiCreditsPerMonth: 'AI credits a month',
  bookingsPerMonth: 'bookings a month',
  customDomains: 'custom domains',
  rooms: 'rooms',
  staffSeats: 'staff seats',
}

/** One more fits while usage is under the limit; null is unlimited. Over it (a downgrade) nothing more fits. */
export const allowsOneMore = ({ limit, used }: LimitUsage): boolean => limit === null || used < limit

export const limitRefusalMessage = (resource: PlanLimitName, { limit, used }: LimitUsage): string =>
  `The studio's plan allows ${limit} ${LABELS[resource]} and ${used} are used: upgrade the plan to add more.`

function overWarning(resource: PlanLimitName, { limit, used }: LimitUsage): string {
  // Credits beyond the grant come from packs: nothing is refused, the grant is simply spent.
  if (resource === 'aiCreditsPerMonth') return `${used} AI credits spent this month, beyond the plan's ${limit}: the rest came from purchased credits.`
  return `${used} ${LABELS[resource]} in use where the plan allows ${limit}: nothing is removed, but no more can be added until usage is within the plan or the plan is upgraded.`
}

export function usageLine(resource: PlanLimitName, usage: LimitUsage): UsageLine {
  const over = usage.limit !== null && usage.used > usage.limit
  return {
    limit: usage.limit,
    over,
    remaining: usage.limit === null ? null : Math.max(0, usage.limit - usage.used),
    resource,
    used: usage.used,
    ...(over ? { warning: overWarning(resource, usage) } : {}),
  }
}
