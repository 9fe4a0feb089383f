// Liveness of deployed sites: silence turns a site inactive; its next authenticated call revives it (siteAuth).
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb } from '../../../utilities/transactionDb'

/** Active sites not heard from in `staleDays` turn inactive. Returns how many did. */
export async function markStaleSites(payload: Pick<Payload, 'db'>, staleDays: number): Promise<number> {
  const result = (await poolDb(payload).execute(sql`
    update sites set status = 'inactive'
    where status = 'active' and coalesce(last_sync, created_at) < now() - make_interval(days => ${staleDays}::int)`)) as { rowCount: null | number }
  return result.rowCount ?? 0
}
