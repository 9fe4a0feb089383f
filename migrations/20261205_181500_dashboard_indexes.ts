import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The dashboard's revenue reads one studio's paid payments and succeeded refunds over 13 months: partial
// indexes on (studio, time) keep that a range scan however long the studio's history.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "payments_tenant_paid_at_idx" ON "payments" USING btree ("tenant_id", "paid_at") WHERE "status" = 'paid';
  CREATE INDEX IF NOT EXISTS "refunds_tenant_created_at_idx" ON "refunds" USING btree ("tenant_id", "created_at") WHERE "status" = 'succeeded';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "payments_tenant_paid_at_idx";
  DROP INDEX IF EXISTS "refunds_tenant_created_at_idx";`)
}
