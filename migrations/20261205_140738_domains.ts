import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_domains_status" AS ENUM('pending', 'verified', 'active', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'recheckDomains' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'recheckDomains' BEFORE 'auditAlert';
  CREATE TABLE "domains" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"hostname" varchar NOT NULL,
  	"status" "enum_domains_status" DEFAULT 'pending' NOT NULL,
  	"verification_token" varchar,
  	"primary" boolean DEFAULT false,
  	"claimed_at" timestamp(3) with time zone,
  	"last_checked_at" timestamp(3) with time zone,
  	"failing_since" timestamp(3) with time zone,
  	"failed_at" timestamp(3) with time zone,
  	"checks" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "domains_id" integer;
  ALTER TABLE "domains" ADD CONSTRAINT "domains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "domains_tenant_idx" ON "domains" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "domains_hostname_idx" ON "domains" USING btree ("hostname");
  CREATE INDEX "domains_status_idx" ON "domains" USING btree ("status");
  CREATE INDEX "domains_updated_at_idx" ON "domains" USING btree ("updated_at");
  CREATE INDEX "domains_created_at_idx" ON "domains" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_domains_fk" FOREIGN KEY ("domains_id") REFERENCES "public"."domains"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_domains_id_idx" ON "payload_locked_documents_rels" USING btree ("domains_id");`)

  // One primary domain per studio at most.
  await db.execute(sql`CREATE UNIQUE INDEX "domains_one_primary_per_tenant" ON "domains" ("tenant_id") WHERE "primary"`)
  // Admins run the studio's domains with the owner; staff may see them.
  await grantToSystemRoles(db, {
    admin: [{ actions: ['create', 'read', 'update', 'delete', 'verify'], resource: 'domains' }],
    staff: [{ actions: ['read'], resource: 'domains' }],
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "domains" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "domains" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_domains_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_domains_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "domains_id";
  DROP TYPE "public"."enum_domains_status";`)
}
