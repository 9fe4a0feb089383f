import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "report_templates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"spec" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_templates_id" integer;
  ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "report_templates_tenant_idx" ON "report_templates" USING btree ("tenant_id");
  CREATE INDEX "report_templates_updated_at_idx" ON "report_templates" USING btree ("updated_at");
  CREATE INDEX "report_templates_created_at_idx" ON "report_templates" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_templates_fk" FOREIGN KEY ("report_templates_id") REFERENCES "public"."report_templates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_report_templates_id_idx" ON "payload_locked_documents_rels" USING btree ("report_templates_id");`)

  // The templates' indexes (EXPLAIN in docs/reports.md): bookings by studio and start (cancellations, top
  // customers, any period on bookings), and the rate of a currency on or before a day (conversion).
  // Payments (tenant, paid_at) and refunds (tenant, created_at) already have theirs (migration payments).
  await db.execute(sql`
  CREATE INDEX "bookings_tenant_start_idx" ON "bookings" USING btree ("tenant_id", "start");
  CREATE INDEX "exchange_rates_currency_date_idx" ON "exchange_rates" USING btree ("currency", "date");

  -- Half-even rounding to an integer, as decimal.js's ROUND_HALF_EVEN (round() in PostgreSQL rounds half away from zero).
  CREATE FUNCTION atelier_round_half_even(x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN abs(x - trunc(x)) = 0.5 THEN trunc(x) + sign(x) * (abs(trunc(x)) % 2) ELSE round(x) END
  $$;

  -- Units of a currency per 1 EUR on a day (YYYY-MM-DD): that day's ECB rate or the closest earlier one, else the
  -- earliest published (a row older than the stored history); EUR is 1; null for a currency never published.
  CREATE FUNCTION atelier_rate_on(code text, day text) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN code = 'EUR' THEN 1::numeric ELSE coalesce(
      (SELECT rate FROM exchange_rates WHERE currency = code AND date <= day ORDER BY date DESC LIMIT 1),
      (SELECT rate FROM exchange_rates WHERE currency = code ORDER BY date ASC LIMIT 1)) END
  $$;`)

  await grantToSystemRoles(db, {
    admin: [{ actions: ['create', 'read', 'update', 'delete'], resource: 'report-templates' }],
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP FUNCTION IF EXISTS atelier_rate_on(text, text);
  DROP FUNCTION IF EXISTS atelier_round_half_even(numeric);
  DROP INDEX IF EXISTS "exchange_rates_currency_date_idx";
  DROP INDEX IF EXISTS "bookings_tenant_start_idx";
   ALTER TABLE "report_templates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "report_templates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_templates_fk";
  
  DROP INDEX "payload_locked_documents_rels_report_templates_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_templates_id";`)
}
