import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_scheduled_reports_format" AS ENUM('csv', 'xlsx', 'pdf');
  CREATE TYPE "public"."enum_scheduled_reports_frequency" AS ENUM('DAILY', 'WEEKLY', 'MONTHLY');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'dueScheduledReports' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendScheduledReport' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'dueScheduledReports' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendScheduledReport' BEFORE 'auditAlert';
  CREATE TABLE "scheduled_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"template" varchar,
  	"saved_template_id" integer,
  	"format" "enum_scheduled_reports_format" DEFAULT 'xlsx' NOT NULL,
  	"frequency" "enum_scheduled_reports_frequency" NOT NULL,
  	"weekday" numeric,
  	"day_of_month" numeric,
  	"send_at" varchar NOT NULL,
  	"owner_id" integer,
  	"active" boolean DEFAULT true,
  	"next_run_at" timestamp(3) with time zone,
  	"last_sent_at" timestamp(3) with time zone,
  	"last_period" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "scheduled_reports_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scheduled_reports_id" integer;
  ALTER TABLE "scheduled_reports" ADD CONSTRAINT "scheduled_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_reports" ADD CONSTRAINT "scheduled_reports_saved_template_id_report_templates_id_fk" FOREIGN KEY ("saved_template_id") REFERENCES "public"."report_templates"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_reports" ADD CONSTRAINT "scheduled_reports_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scheduled_reports_rels" ADD CONSTRAINT "scheduled_reports_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."scheduled_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scheduled_reports_rels" ADD CONSTRAINT "scheduled_reports_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "scheduled_reports_tenant_idx" ON "scheduled_reports" USING btree ("tenant_id");
  CREATE INDEX "scheduled_reports_saved_template_idx" ON "scheduled_reports" USING btree ("saved_template_id");
  CREATE INDEX "scheduled_reports_owner_idx" ON "scheduled_reports" USING btree ("owner_id");
  CREATE INDEX "scheduled_reports_next_run_at_idx" ON "scheduled_reports" USING btree ("next_run_at");
  CREATE INDEX "scheduled_reports_updated_at_idx" ON "scheduled_reports" USING btree ("updated_at");
  CREATE INDEX "scheduled_reports_created_at_idx" ON "scheduled_reports" USING btree ("created_at");
  CREATE INDEX "scheduled_reports_rels_order_idx" ON "scheduled_reports_rels" USING btree ("order");
  CREATE INDEX "scheduled_reports_rels_parent_idx" ON "scheduled_reports_rels" USING btree ("parent_id");
  CREATE INDEX "scheduled_reports_rels_path_idx" ON "scheduled_reports_rels" USING btree ("path");
  CREATE INDEX "scheduled_reports_rels_users_id_idx" ON "scheduled_reports_rels" USING btree ("users_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scheduled_reports_fk" FOREIGN KEY ("scheduled_reports_id") REFERENCES "public"."scheduled_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_scheduled_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("scheduled_reports_id");`)

  // The run ledger, not a collection: one row per (schedule, period), taken with a row lock while the report
  // is sent and marked sent in the same transaction, so that a retried or doubled job never mails twice.
  await db.execute(sql`
  CREATE TABLE "scheduled_report_runs" (
    "id" serial PRIMARY KEY NOT NULL,
    "schedule_id" integer NOT NULL REFERENCES "scheduled_reports"("id") ON DELETE cascade,
    "period_key" text NOT NULL,
    "status" text DEFAULT 'sending' NOT NULL CHECK ("status" IN ('sending', 'sent')),
    "attempts" integer DEFAULT 0 NOT NULL,
    "sent_at" timestamp(3) with time zone,
    "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "scheduled_report_runs_schedule_period_key" UNIQUE ("schedule_id", "period_key")
  );`)

  await grantToSystemRoles(db, {
    admin: [{ actions: ['create', 'read', 'update', 'delete'], resource: 'scheduled-reports' }],
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS "scheduled_report_runs";
   ALTER TABLE "scheduled_reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scheduled_reports_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "scheduled_reports" CASCADE;
  DROP TABLE "scheduled_reports_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scheduled_reports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'refreshExchangeRates', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'refreshExchangeRates', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_scheduled_reports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scheduled_reports_id";
  DROP TYPE "public"."enum_scheduled_reports_format";
  DROP TYPE "public"."enum_scheduled_reports_frequency";`)
}
