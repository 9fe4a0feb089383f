import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_onboarding_completed" AS ENUM('welcome', 'room', 'pricing', 'staff', 'plan');
  CREATE TYPE "public"."enum_tenants_onboarding_skipped" AS ENUM('welcome', 'room', 'pricing', 'staff', 'plan');
  CREATE TYPE "public"."enum_tenants_onboarding_step" AS ENUM('welcome', 'room', 'pricing', 'staff', 'plan');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendSignupEmail' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeUnverifiedSignups' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'trialLifecycle' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendSignupEmail' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'purgeUnverifiedSignups' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'trialLifecycle' BEFORE 'auditAlert';
  CREATE TABLE "tenants_onboarding_completed" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_onboarding_completed",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tenants_onboarding_skipped" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_onboarding_skipped",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "signup_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"email_domain" varchar NOT NULL,
  	"tenant_id" integer,
  	"verified_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "onboarding_step" "enum_tenants_onboarding_step" DEFAULT 'welcome';
  ALTER TABLE "tenants" ADD COLUMN "onboarding_completed_at" timestamp(3) with time zone;
  ALTER TABLE "tenants" ADD COLUMN "trial_reminder_sent_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "_verified" boolean;
  ALTER TABLE "users" ADD COLUMN "_verificationtoken" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "signup_requests_id" integer;
  ALTER TABLE "tenants_onboarding_completed" ADD CONSTRAINT "tenants_onboarding_completed_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_onboarding_skipped" ADD CONSTRAINT "tenants_onboarding_skipped_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "signup_requests" ADD CONSTRAINT "signup_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tenants_onboarding_completed_order_idx" ON "tenants_onboarding_completed" USING btree ("order");
  CREATE INDEX "tenants_onboarding_completed_parent_idx" ON "tenants_onboarding_completed" USING btree ("parent_id");
  CREATE INDEX "tenants_onboarding_skipped_order_idx" ON "tenants_onboarding_skipped" USING btree ("order");
  CREATE INDEX "tenants_onboarding_skipped_parent_idx" ON "tenants_onboarding_skipped" USING btree ("parent_id");
  CREATE UNIQUE INDEX "signup_requests_slug_idx" ON "signup_requests" USING btree ("slug");
  CREATE INDEX "signup_requests_email_domain_idx" ON "signup_requests" USING btree ("email_domain");
  CREATE INDEX "signup_requests_tenant_idx" ON "signup_requests" USING btree ("tenant_id");
  CREATE INDEX "signup_requests_verified_at_idx" ON "signup_requests" USING btree ("verified_at");
  CREATE INDEX "signup_requests_updated_at_idx" ON "signup_requests" USING btree ("updated_at");
  CREATE INDEX "signup_requests_created_at_idx" ON "signup_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_signup_requests_fk" FOREIGN KEY ("signup_requests_id") REFERENCES "public"."signup_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_signup_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("signup_requests_id");`)

  // Every account so far was made by an operator or an invitation: only self-signups must prove their address.
  await db.execute(sql`UPDATE "users" SET "_verified" = true;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tenants_onboarding_completed" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tenants_onboarding_skipped" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "signup_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tenants_onboarding_completed" CASCADE;
  DROP TABLE "tenants_onboarding_skipped" CASCADE;
  DROP TABLE "signup_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_signup_requests_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_signup_requests_id_idx";
  ALTER TABLE "tenants" DROP COLUMN "onboarding_step";
  ALTER TABLE "tenants" DROP COLUMN "onboarding_completed_at";
  ALTER TABLE "tenants" DROP COLUMN "trial_reminder_sent_at";
  ALTER TABLE "users" DROP COLUMN "_verified";
  ALTER TABLE "users" DROP COLUMN "_verificationtoken";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "signup_requests_id";
  DROP TYPE "public"."enum_tenants_onboarding_completed";
  DROP TYPE "public"."enum_tenants_onboarding_skipped";
  DROP TYPE "public"."enum_tenants_onboarding_step";`)
}
