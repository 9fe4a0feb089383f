import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The dashboard's links open lists of what is still running: bookings overlapping this week and sessions
// running now (`end > t and start < u`). With only (tenant, start) the count walks back through the studio's
// whole history (about 495 and 305 ms at a million bookings); (tenant, end) reads only what ends after t.
// Raw SQL and plain CREATE INDEX, as 20261206_181030_list_indexes.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "bookings_tenant_end_idx" ON "bookings" USING btree ("tenant_id", "end");
  CREATE INDEX IF NOT EXISTS "sessions_tenant_end_idx" ON "sessions" USING btree ("tenant_id", "end");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "bookings_tenant_end_idx";
  DROP INDEX IF EXISTS "sessions_tenant_end_idx";`)
}
