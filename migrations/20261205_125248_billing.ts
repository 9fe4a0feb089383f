import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { createWalletAndLedgerGuard, dropWalletAndLedgerGuard, seedPlansAndPacks } from '../plugins/billing/services/billingSql'
import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_suspended_for" AS ENUM('trial_ended', 'unpaid', 'subscription_ended', 'operator');
  CREATE TYPE "public"."enum_subscriptions_interval" AS ENUM('month', 'year');
  CREATE TYPE "public"."enum_subscriptions_status" AS ENUM('trialing', 'active', 'past_due', 'canceled', 'incomplete');
  CREATE TYPE "public"."enum_subscriptions_pending_change_interval" AS ENUM('month', 'year');
  CREATE TYPE "public"."enum_credit_ledger_kind" AS ENUM('grant', 'purchase', 'spend', 'refund', 'expire', 'adjust');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'billingSweep' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'billingSweep' BEFORE 'auditAlert';
  CREATE TABLE "plans_features" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL
  );
  
  CREATE TABLE "plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"monthly_price" numeric NOT NULL,
  	"yearly_price" numeric NOT NULL,
  	"currency" varchar DEFAULT 'EUR' NOT NULL,
  	"limits_rooms" numeric,
  	"limits_staff_seats" numeric,
  	"limits_bookings_per_month" numeric,
  	"limits_custom_domains" numeric,
  	"limits_ai_credits_per_month" numeric,
  	"active" boolean DEFAULT true,
  	"sort_order" numeric DEFAULT 0,
  	"stripe_product_id" varchar,
  	"stripe_monthly_price_id" varchar,
  	"stripe_yearly_price_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plans_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "subscriptions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"stripe_customer_id" varchar,
  	"stripe_subscription_id" varchar,
  	"plan_id" integer,
  	"interval" "enum_subscriptions_interval",
  	"status" "enum_subscriptions_status",
  	"current_period_start" timestamp(3) with time zone,
  	"current_period_end" timestamp(3) with time zone,
  	"cancel_at_period_end" boolean DEFAULT false,
  	"pending_change_plan_id" integer,
  	"pending_change_interval" "enum_subscriptions_pending_change_interval",
  	"pending_change_effective_at" timestamp(3) with time zone,
  	"past_due_since" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "credit_ledger" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"kind" "enum_credit_ledger_kind" NOT NULL,
  	"amount" numeric NOT NULL,
  	"user_id" integer,
  	"reference" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone,
  	"from_grant" numeric DEFAULT 0,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "credit_packs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credits" numeric NOT NULL,
  	"price" numeric NOT NULL,
  	"currency" varchar DEFAULT 'EUR' NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "credit_packs_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "tenants" ADD COLUMN "suspended_for" "enum_tenants_suspended_for";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "plans_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscriptions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "credit_ledger_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "credit_packs_id" integer;
  ALTER TABLE "plans_features" ADD CONSTRAINT "plans_features_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "plans_locales" ADD CONSTRAINT "plans_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_pending_change_plan_id_plans_id_fk" FOREIGN KEY ("pending_change_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "credit_packs_locales" ADD CONSTRAINT "credit_packs_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."credit_packs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "plans_features_order_idx" ON "plans_features" USING btree ("_order");
  CREATE INDEX "plans_features_parent_id_idx" ON "plans_features" USING btree ("_parent_id");
  CREATE INDEX "plans_features_locale_idx" ON "plans_features" USING btree ("_locale");
  CREATE UNIQUE INDEX "plans_code_idx" ON "plans" USING btree ("code");
  CREATE INDEX "plans_updated_at_idx" ON "plans" USING btree ("updated_at");
  CREATE INDEX "plans_created_at_idx" ON "plans" USING btree ("created_at");
  CREATE UNIQUE INDEX "plans_locales_locale_parent_id_unique" ON "plans_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "subscriptions_tenant_idx" ON "subscriptions" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "subscriptions_stripe_customer_id_idx" ON "subscriptions" USING btree ("stripe_customer_id");
  CREATE UNIQUE INDEX "subscriptions_stripe_subscription_id_idx" ON "subscriptions" USING btree ("stripe_subscription_id");
  CREATE INDEX "subscriptions_plan_idx" ON "subscriptions" USING btree ("plan_id");
  CREATE INDEX "subscriptions_status_idx" ON "subscriptions" USING btree ("status");
  CREATE INDEX "subscriptions_pending_change_pending_change_plan_idx" ON "subscriptions" USING btree ("pending_change_plan_id");
  CREATE INDEX "subscriptions_updated_at_idx" ON "subscriptions" USING btree ("updated_at");
  CREATE INDEX "subscriptions_created_at_idx" ON "subscriptions" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_idx" ON "subscriptions" USING btree ("tenant_id");
  CREATE INDEX "credit_ledger_tenant_idx" ON "credit_ledger" USING btree ("tenant_id");
  CREATE INDEX "credit_ledger_kind_idx" ON "credit_ledger" USING btree ("kind");
  CREATE INDEX "credit_ledger_user_idx" ON "credit_ledger" USING btree ("user_id");
  CREATE INDEX "credit_ledger_updated_at_idx" ON "credit_ledger" USING btree ("updated_at");
  CREATE INDEX "credit_ledger_created_at_idx" ON "credit_ledger" USING btree ("created_at");
  CREATE UNIQUE INDEX "kind_reference_idx" ON "credit_ledger" USING btree ("kind","reference");
  CREATE INDEX "credit_packs_updated_at_idx" ON "credit_packs" USING btree ("updated_at");
  CREATE INDEX "credit_packs_created_at_idx" ON "credit_packs" USING btree ("created_at");
  CREATE UNIQUE INDEX "credit_packs_locales_locale_parent_id_unique" ON "credit_packs_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_plans_fk" FOREIGN KEY ("plans_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscriptions_fk" FOREIGN KEY ("subscriptions_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_credit_ledger_fk" FOREIGN KEY ("credit_ledger_id") REFERENCES "public"."credit_ledger"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_credit_packs_fk" FOREIGN KEY ("credit_packs_id") REFERENCES "public"."credit_packs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("plans_id");
  CREATE INDEX "payload_locked_documents_rels_subscriptions_id_idx" ON "payload_locked_documents_rels" USING btree ("subscriptions_id");
  CREATE INDEX "payload_locked_documents_rels_credit_ledger_id_idx" ON "payload_locked_documents_rels" USING btree ("credit_ledger_id");
  CREATE INDEX "payload_locked_documents_rels_credit_packs_id_idx" ON "payload_locked_documents_rels" USING btree ("credit_packs_id");`)

  await createWalletAndLedgerGuard(db)
  await seedPlansAndPacks(db)
  // Every member of a studio may read its subscription (admins inherit it; owners hold every permission).
  const readSubscription = [{ actions: ['read'], resource: 'subscriptions' }]
  await grantToSystemRoles(db, { artist: readSubscription, editor: readSubscription, staff: readSubscription })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await dropWalletAndLedgerGuard(db)
  await db.execute(sql`
   ALTER TABLE "plans_features" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "plans" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "plans_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subscriptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_ledger" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_packs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "credit_packs_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "plans_features" CASCADE;
  DROP TABLE "plans" CASCADE;
  DROP TABLE "plans_locales" CASCADE;
  DROP TABLE "subscriptions" CASCADE;
  DROP TABLE "credit_ledger" CASCADE;
  DROP TABLE "credit_packs" CASCADE;
  DROP TABLE "credit_packs_locales" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_plans_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscriptions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_credit_ledger_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_credit_packs_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_plans_id_idx";
  DROP INDEX "payload_locked_documents_rels_subscriptions_id_idx";
  DROP INDEX "payload_locked_documents_rels_credit_ledger_id_idx";
  DROP INDEX "payload_locked_documents_rels_credit_packs_id_idx";
  ALTER TABLE "tenants" DROP COLUMN "suspended_for";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "plans_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscriptions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "credit_ledger_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "credit_packs_id";
  DROP TYPE "public"."enum_tenants_suspended_for";
  DROP TYPE "public"."enum_subscriptions_interval";
  DROP TYPE "public"."enum_subscriptions_status";
  DROP TYPE "public"."enum_subscriptions_pending_change_interval";
  DROP TYPE "public"."enum_credit_ledger_kind";`)
}
