import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionDb } from '../../../utilities/transactionDb'

/** The studio's primary hostname while its domain is active, for the links it sends (emails, canonical URL); else null. */
export async function primaryHostOf(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, tenantId: number): Promise<null | string> {
  const db = await transactionDb(req)
  const { rows } = (await db.execute(sql`select hostname from domains where tenant_id = ${tenantId} and "primary" and status = 'active' limit 1`)) as {
    rows: { hostname: string }[]
  }
  return rows[0]?.hostname ?? null
}
