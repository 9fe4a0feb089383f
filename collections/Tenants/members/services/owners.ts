// Every tenant keeps an owner: the checks that removals and role changes share.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../../utilities/transactionDb'

/**
 * Serialises membership changes in one tenant until the transaction ends, so that two owners removing
 * (or demoting) each other cannot both see the other one left. `for no key update` conflicts with itself but
 * not with the key-share locks that inserts referring to the tenant take (bookings, audit entries).
 */
export async function lockTenantMembers(req: PayloadRequest, tenantId: number | string) {
  await (await transactionDb(req)).execute(sql`select id from tenants where id = ${Number(tenantId)} for no key update`)
}

/** Whether the tenant has an owner besides `userId`; read under the lock, so it sees changes committed before. */
export async function hasAnotherOwner(req: PayloadRequest, tenantId: number | string, userId: number | string): Promise<boolean> {
  const { rows } = (await (await transactionDb(req)).execute(
    sql`select 1 from users_tenants where tenant_id = ${Number(tenantId)} and role = 'owner' and _parent_id <> ${Number(userId)} limit 1`,
  )) as { rows: unknown[] }
  return rows.length > 0
}
