import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Admin lists and audit stats at a million rows in one studio (issue 21, bench/scale.ts, docs/benchmarks.md):
// - bookings filtered by status: Payload's count read every booking of that status in all studios from the heap
//   (bitmap scan on status, tenant as a filter); (tenant, status, start) answers the count from the index alone
//   and gives the page in -start order.
// - audit logs filtered by action: the count was a sequential scan; (tenant, action, created_at) likewise.
// - audit stats for a month: the per-action and per-user counts read the tenant's whole history through
//   audit_logs_tenant_idx, created_at as a filter; (tenant, created_at) carrying action, user and risk answers
//   all four of its queries by an index-only range scan.
// Raw SQL: Payload's `indexes` config expresses neither INCLUDE nor the booking plugin's own order, and these
// stay out of the schema snapshot as 20261205_181500_dashboard_indexes does. Plain CREATE INDEX (migrations run
// in a transaction): on a large live table it holds writes to that table while it builds.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "bookings_tenant_status_start_idx" ON "bookings" USING btree ("tenant_id", "status", "start");
  CREATE INDEX IF NOT EXISTS "audit_logs_tenant_action_created_at_idx" ON "audit_logs" USING btree ("tenant_id", "action", "created_at");
  CREATE INDEX IF NOT EXISTS "audit_logs_tenant_created_at_stats_idx" ON "audit_logs" USING btree ("tenant_id", "created_at") INCLUDE ("action", "user_id", "risk_score");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "bookings_tenant_status_start_idx";
  DROP INDEX IF EXISTS "audit_logs_tenant_action_created_at_idx";
  DROP INDEX IF EXISTS "audit_logs_tenant_created_at_stats_idx";`)
}
