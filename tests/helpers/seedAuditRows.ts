import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'

/** Inserts `count` audit rows for a tenant in one statement; every 97th has a field that needs quoting. */
export async function seedAuditRows(
  payload: Payload,
  { ageDays = 0, count, tenantId }: { ageDays?: number; count: number; tenantId: number },
): Promise<void> {
  await payload.db.drizzle.execute(sql`
    insert into audit_logs (action, collection, document_id, tenant_id, ip, user_agent, risk_score, risk_reasons, changes, created_at, updated_at)
    select case when n % 3 = 0 then 'update' else 'create' end,
           'media', n::text, ${tenantId}, '203.0.113.' || (n % 250),
           case when n % 97 = 0 then 'Agent, "quoted"' || chr(10) || 'second line' else 'Agent/' || n end,
           n % 101, '[]'::jsonb, jsonb_build_object('alt', jsonb_build_object('from', 'a', 'to', 'b')),
           now() - make_interval(days => ${ageDays}) - (n || ' seconds')::interval, now()
    from generate_series(1, ${count}) as n`)
}
