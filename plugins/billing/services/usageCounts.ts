// What a studio uses of each plan limit, counted in PostgreSQL; months run in the studio's own time zone.
import type { SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Executor } from '../../../utilities/transactionDb'
import type { EnforcedLimitName } from './limitDecision'

import { type PlanLimitName, PLAN_LIMITS } from './limitNames'

// Arbitrary, beside booking's 7301-7303: one namespace per limited resource, keyed by tenant id.
const LIMIT_LOCK_NAMESPACE = 7_401

/** The start of the tenant's current calendar month, in its IANA zone, as a timestamptz expression. */
export const monthStart = (tenantId: number) =>
  sql`(select date_trunc('month', now() at time zone timezone) at time zone timezone from tenants where id = ${tenantId})`

/**
 * Serialises the writes that add one `resource` to the tenant until the transaction ends, so that counting
 * and then inserting cannot race. Outside a transaction it serialises nothing.
 */
export async function lockLimit(db: Executor, tenantId: number, resource: EnforcedLimitName): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${LIMIT_LOCK_NAMESPACE + PLAN_LIMITS.indexOf(resource)}, ${tenantId})`)
}

async function countOne(db: Executor, query: SQL): Promise<number> {
  const { rows } = (await db.execute(query)) as { rows: { used: number }[] }
  return rows[0]?.used ?? 0
}

/**
 * rooms: all of the tenant's. staffSeats: members in any role but `artist`, or with a live role assignment. bookingsPerMonth: made since the
 * month began, expired holds aside. customDomains: 0 until a `domains` collection exists. aiCreditsPerMonth:
 * credits spent this month net of refunds.
 */
export function countUsage(payload: Pick<Payload, 'collections'>, db: Executor, tenantId: number, resource: PlanLimitName): Promise<number> {
  switch (resource) {
    case 'aiCreditsPerMonth':
      // Spends are negative amounts and refunds positive: net spending is minus their sum.
      return countOne(db, sql`select coalesce(-sum(amount), 0)::int as used from credit_ledger
        where tenant_id = ${tenantId} and kind in ('spend', 'refund') and created_at >= ${monthStart(tenantId)}`)
    case 'bookingsPerMonth':
      return countOne(db, sql`select count(*)::int as used from bookings
        where tenant_id = ${tenantId} and status <> 'expired' and created_at >= ${monthStart(tenantId)}`)
    case 'customDomains':
      if (!('domains' in payload.collections)) return Promise.resolve(0)
      return countOne(db, sql`select count(*)::int as used from domains where tenant_id = ${tenantId}`)
    case 'rooms':
      return countOne(db, sql`select count(*)::int as used from rooms where tenant_id = ${tenantId}`)
    case 'staffSeats':
      return countOne(db, sql`select count(*)::int as used from (${seatedUsers(tenantId)}) seated`)
  }
}

/** A seat: a membership in any role but `artist`, or a live role assignment (which gives an artist more). */
const seatedUsers = (tenantId: number) => sql`select _parent_id as user_id from users_tenants where tenant_id = ${tenantId} and role <> 'artist'
  union select user_id from role_assignments where tenant_id = ${tenantId} and (expires_at is null or expires_at > now())`

export async function holdsSeat(db: Executor, tenantId: number, userId: number): Promise<boolean> {
  const { rows } = (await db.execute(sql`select 1 from (${seatedUsers(tenantId)}) seated where user_id = ${userId}`)) as { rows: unknown[] }
  return rows.length > 0
}
