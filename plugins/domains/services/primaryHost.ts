import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../utilities/transactionDb'

/**
 * The studio's primary hostname while its domain is active and its records hold, for the links it sends
 * (emails, Stripe return URLs, canonical URL); else null. Records found missing stop it at once: links
 * carry access codes, and a lapsing domain may already answer for someone else.
 */
export async function primaryHostOf(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, tenantId: number): Promise<null | string> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select hostname from domains where tenant_id = ${tenantId} and "primary" and status = 'active' and failing_since is null limit 1`)) as {
    rows: { hostname: string }[]
  }
  return rows[0]?.hostname ?? null
}
