// Plan limits, enforced: the seam the limit hooks (and later the domains plugin) call, and the usage report.
// A downgrade below usage deletes nothing: it only refuses what would add to it.
import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { Plan, Tenant } from '../../../payload-types'

import { transactionDb } from '../../../utilities/transactionDb'
import { currentPlan } from './currentPlan'
import { allowsOneMore, type EnforcedLimitName, limitRefusalMessage, type LimitUsage, type UsageLine, usageLine } from './limitDecision'
import { type PlanLimitName, PLAN_LIMITS } from './limitNames'
import { countUsage, holdsSeat, lockLimit } from './usageCounts'

export const PLAN_LIMIT = 'plan_limit'

/** 403 `plan_limit` with `limit`, `used` and `resource` beside `errors`, from custom endpoints and REST alike (`data`). */
export class PlanLimitError extends APIError {
  constructor(resource: PlanLimitName, usage: LimitUsage) {
    super(limitRefusalMessage(resource, usage), 403, { code: PLAN_LIMIT, limit: usage.limit, resource, used: usage.used }, true)
    // Logged as Payload logs its own refusals, not as a server error.
    this.name = 'Forbidden'
  }
}

const limitOf = (plan: null | Plan, resource: PlanLimitName): null | number => plan?.limits?.[resource] ?? null

/** No tenant (yet), no limit: the tenant field's validator, which runs after the hooks, reports it. */
async function planOfTenant(req: PayloadRequest, tenantId: number): Promise<null | Plan> {
  const tenant = await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, disableErrors: true, overrideAccess: true, req })
  return tenant ? currentPlan(req, tenant) : null
}

/** The tenant's limit for `resource` (null: unlimited) and what it uses of it now. */
export async function planLimit(req: PayloadRequest, tenantId: number, resource: PlanLimitName): Promise<LimitUsage> {
  const limit = limitOf(await planOfTenant(req, tenantId), resource)
  return { limit, used: await countUsage(req.payload, await transactionDb(req), tenantId, resource) }
}

/**
 * Throws `PlanLimitError` unless one more `resource` fits the tenant's plan (for a staff seat: unless `seatOf`,
 * the user taking it, holds one there already). Call it in the transaction that
 * writes it: the per-(tenant, resource) lock it takes holds until that commits, so concurrent writes count
 * one by one.
 */
export async function enforcePlanLimit(req: PayloadRequest, tenantId: number, resource: EnforcedLimitName, seatOf?: number): Promise<void> {
  const limit = limitOf(await planOfTenant(req, tenantId), resource)
  if (limit === null) return
  const db = await transactionDb(req)
  await lockLimit(db, tenantId, resource)
  // Someone seated already (by membership or assignment) takes no second seat.
  if (resource === 'staffSeats' && seatOf !== undefined && (await holdsSeat(db, tenantId, seatOf))) return
  const usage = { limit, used: await countUsage(req.payload, db, tenantId, resource) }
  if (!allowsOneMore(usage)) throw new PlanLimitError(resource, usage)
}

export type UsageReport = { limits: UsageLine[]; plan: { code: string; name: string } | null; tenant: number }

/** Every limit of the tenant's plan beside its usage, with a warning where usage is over (after a downgrade). */
export async function usageReport(req: PayloadRequest, tenant: Pick<Tenant, 'id' | 'status'>): Promise<UsageReport> {
  const plan = await currentPlan(req, tenant)
  const db = await transactionDb(req)
  const limits: UsageLine[] = []
  for (const resource of PLAN_LIMITS) {
    limits.push(usageLine(resource, { limit: limitOf(plan, resource), used: await countUsage(req.payload, db, tenant.id, resource) }))
  }
  return { limits, plan: plan ? { code: plan.code, name: plan.name } : null, tenant: tenant.id }
}
