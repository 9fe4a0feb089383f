import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles, type SystemRoleGrants } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_rooms_opening_hours_weekday" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');
  CREATE TYPE "public"."enum_booking_policies_cancellation_tiers_notice_unit" AS ENUM('days', 'hours');
  CREATE TYPE "public"."enum_booking_policies_deposit_type" AS ENUM('percentage', 'fixed');
  CREATE TYPE "public"."enum_bookings_status" AS ENUM('pending', 'awaiting_payment', 'confirmed', 'completed', 'cancelled', 'expired', 'converted');
  CREATE TYPE "public"."enum_bookings_source" AS ENUM('public', 'staff');
  CREATE TYPE "public"."enum_sessions_status" AS ENUM('scheduled', 'in_progress', 'completed', 'cancelled');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendBookingLookup' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendBookingLookup' BEFORE 'auditAlert';
  CREATE TABLE "rooms_opening_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"weekday" "enum_rooms_opening_hours_weekday" NOT NULL,
  	"opens" varchar NOT NULL,
  	"closes" varchar NOT NULL
  );
  
  CREATE TABLE "rooms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"capacity" numeric DEFAULT 1 NOT NULL,
  	"active" boolean DEFAULT true,
  	"hourly_rate" numeric NOT NULL,
  	"buffer_minutes" numeric DEFAULT 0 NOT NULL,
  	"min_minutes" numeric DEFAULT 60 NOT NULL,
  	"max_minutes" numeric DEFAULT 240 NOT NULL,
  	"slot_step_minutes" numeric DEFAULT 30 NOT NULL,
  	"lead_time_minutes" numeric DEFAULT 120 NOT NULL,
  	"policy_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rooms_locales" (
  	"description" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "rooms_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"media_id" integer
  );
  
  CREATE TABLE "booking_policies_cancellation_tiers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"notice_amount" numeric NOT NULL,
  	"notice_unit" "enum_booking_policies_cancellation_tiers_notice_unit" DEFAULT 'days' NOT NULL,
  	"refund_percent" numeric NOT NULL
  );
  
  CREATE TABLE "booking_policies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"is_default" boolean DEFAULT false,
  	"deposit_type" "enum_booking_policies_deposit_type" DEFAULT 'percentage' NOT NULL,
  	"deposit_percent" numeric DEFAULT 30,
  	"deposit_amount" numeric,
  	"auto_confirm_on_deposit" boolean DEFAULT true,
  	"hold_minutes" numeric DEFAULT 30 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bookings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"ref" varchar,
  	"room_id" integer NOT NULL,
  	"customer_name" varchar NOT NULL,
  	"customer_email" varchar NOT NULL,
  	"customer_phone" varchar,
  	"start" timestamp(3) with time zone NOT NULL,
  	"end" timestamp(3) with time zone NOT NULL,
  	"status" "enum_bookings_status" DEFAULT 'pending' NOT NULL,
  	"source" "enum_bookings_source" DEFAULT 'staff',
  	"price" numeric,
  	"deposit" numeric,
  	"currency" varchar,
  	"amount_paid" numeric DEFAULT 0,
  	"refund_quote" jsonb,
  	"terms" jsonb,
  	"notes" varchar,
  	"blocked_until" timestamp(3) with time zone,
  	"secrets_access_token_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"room_id" integer NOT NULL,
  	"booking_id" integer,
  	"artist_id" integer,
  	"staff_id" integer,
  	"start" timestamp(3) with time zone NOT NULL,
  	"end" timestamp(3) with time zone NOT NULL,
  	"notes" varchar,
  	"status" "enum_sessions_status" DEFAULT 'scheduled' NOT NULL,
  	"blocked_until" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rooms_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "booking_policies_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "bookings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sessions_id" integer;
  ALTER TABLE "rooms_opening_hours" ADD CONSTRAINT "rooms_opening_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rooms" ADD CONSTRAINT "rooms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rooms" ADD CONSTRAINT "rooms_policy_id_booking_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."booking_policies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rooms_locales" ADD CONSTRAINT "rooms_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rooms_rels" ADD CONSTRAINT "rooms_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "rooms_rels" ADD CONSTRAINT "rooms_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "booking_policies_cancellation_tiers" ADD CONSTRAINT "booking_policies_cancellation_tiers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."booking_policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "booking_policies" ADD CONSTRAINT "booking_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "rooms_opening_hours_order_idx" ON "rooms_opening_hours" USING btree ("_order");
  CREATE INDEX "rooms_opening_hours_parent_id_idx" ON "rooms_opening_hours" USING btree ("_parent_id");
  CREATE INDEX "rooms_tenant_idx" ON "rooms" USING btree ("tenant_id");
  CREATE INDEX "rooms_active_idx" ON "rooms" USING btree ("active");
  CREATE INDEX "rooms_policy_idx" ON "rooms" USING btree ("policy_id");
  CREATE INDEX "rooms_updated_at_idx" ON "rooms" USING btree ("updated_at");
  CREATE INDEX "rooms_created_at_idx" ON "rooms" USING btree ("created_at");
  CREATE UNIQUE INDEX "tenant_slug_idx" ON "rooms" USING btree ("tenant_id","slug");
  CREATE UNIQUE INDEX "rooms_locales_locale_parent_id_unique" ON "rooms_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "rooms_rels_order_idx" ON "rooms_rels" USING btree ("order");
  CREATE INDEX "rooms_rels_parent_idx" ON "rooms_rels" USING btree ("parent_id");
  CREATE INDEX "rooms_rels_path_idx" ON "rooms_rels" USING btree ("path");
  CREATE INDEX "rooms_rels_media_id_idx" ON "rooms_rels" USING btree ("media_id");
  CREATE INDEX "booking_policies_cancellation_tiers_order_idx" ON "booking_policies_cancellation_tiers" USING btree ("_order");
  CREATE INDEX "booking_policies_cancellation_tiers_parent_id_idx" ON "booking_policies_cancellation_tiers" USING btree ("_parent_id");
  CREATE INDEX "booking_policies_tenant_idx" ON "booking_policies" USING btree ("tenant_id");
  CREATE INDEX "booking_policies_updated_at_idx" ON "booking_policies" USING btree ("updated_at");
  CREATE INDEX "booking_policies_created_at_idx" ON "booking_policies" USING btree ("created_at");
  CREATE INDEX "bookings_tenant_idx" ON "bookings" USING btree ("tenant_id");
  CREATE UNIQUE INDEX "bookings_ref_idx" ON "bookings" USING btree ("ref");
  CREATE INDEX "bookings_room_idx" ON "bookings" USING btree ("room_id");
  CREATE INDEX "bookings_customer_customer_email_idx" ON "bookings" USING btree ("customer_email");
  CREATE INDEX "bookings_start_idx" ON "bookings" USING btree ("start");
  CREATE INDEX "bookings_status_idx" ON "bookings" USING btree ("status");
  CREATE INDEX "bookings_secrets_secrets_access_token_hash_idx" ON "bookings" USING btree ("secrets_access_token_hash");
  CREATE INDEX "bookings_updated_at_idx" ON "bookings" USING btree ("updated_at");
  CREATE INDEX "bookings_created_at_idx" ON "bookings" USING btree ("created_at");
  CREATE INDEX "sessions_tenant_idx" ON "sessions" USING btree ("tenant_id");
  CREATE INDEX "sessions_room_idx" ON "sessions" USING btree ("room_id");
  CREATE UNIQUE INDEX "sessions_booking_idx" ON "sessions" USING btree ("booking_id");
  CREATE INDEX "sessions_artist_idx" ON "sessions" USING btree ("artist_id");
  CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_id");
  CREATE INDEX "sessions_start_idx" ON "sessions" USING btree ("start");
  CREATE INDEX "sessions_status_idx" ON "sessions" USING btree ("status");
  CREATE INDEX "sessions_updated_at_idx" ON "sessions" USING btree ("updated_at");
  CREATE INDEX "sessions_created_at_idx" ON "sessions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rooms_fk" FOREIGN KEY ("rooms_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_booking_policies_fk" FOREIGN KEY ("booking_policies_id") REFERENCES "public"."booking_policies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bookings_fk" FOREIGN KEY ("bookings_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sessions_fk" FOREIGN KEY ("sessions_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_rooms_id_idx" ON "payload_locked_documents_rels" USING btree ("rooms_id");
  CREATE INDEX "payload_locked_documents_rels_booking_policies_id_idx" ON "payload_locked_documents_rels" USING btree ("booking_policies_id");
  CREATE INDEX "payload_locked_documents_rels_bookings_id_idx" ON "payload_locked_documents_rels" USING btree ("bookings_id");
  CREATE INDEX "payload_locked_documents_rels_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("sessions_id");`)

  // No double booking, by construction: two bookings of one room in a blocking status, or two live
  // sessions of one room, cannot overlap, buffer included (blocked_until = end + the room's buffer).
  // Keep the status list in step with BLOCKING_STATUSES (plugins/booking/services/transitions.ts).
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS btree_gist;
  ALTER TABLE "bookings" ALTER COLUMN "blocked_until" SET NOT NULL;
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("room_id" WITH =, tstzrange("start", "blocked_until") WITH &&)
    WHERE ("status" IN ('pending', 'awaiting_payment', 'confirmed', 'converted', 'completed'));
  ALTER TABLE "sessions" ALTER COLUMN "blocked_until" SET NOT NULL;
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_no_overlap" EXCLUDE USING gist ("room_id" WITH =, tstzrange("start", "blocked_until") WITH &&)
    WHERE ("status" <> 'cancelled');
  ALTER TABLE "bookings" ADD CONSTRAINT "bookings_end_after_start" CHECK ("end" > "start" AND "blocked_until" >= "end");
  ALTER TABLE "sessions" ADD CONSTRAINT "sessions_end_after_start" CHECK ("end" > "start" AND "blocked_until" >= "end");
  CREATE UNIQUE INDEX "booking_policies_one_default_per_tenant" ON "booking_policies" ("tenant_id") WHERE "is_default";`)

  // System roles learn the booking resources. Owners already hold everything.
  const grantsBySlug: SystemRoleGrants = {
    admin: [
      { actions: ['create', 'read', 'update', 'delete'], resource: 'rooms' },
      { actions: ['create', 'read', 'update', 'delete'], resource: 'booking-policies' },
      { actions: ['create', 'read', 'update', 'delete', 'confirm', 'convert', 'cancel'], resource: 'bookings' },
      { actions: ['create', 'read', 'update', 'delete'], resource: 'sessions' },
    ],
    editor: [{ actions: ['read', 'update'], resource: 'rooms' }],
    staff: [
      { actions: ['read'], resource: 'rooms' },
      { actions: ['read'], resource: 'booking-policies' },
      { actions: ['create', 'read', 'update', 'confirm', 'convert', 'cancel'], resource: 'bookings' },
      { actions: ['create', 'read', 'update'], resource: 'sessions' },
    ],
    artist: [{ actions: ['read'], resource: 'sessions' }],
  }
  await grantToSystemRoles(db, grantsBySlug)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "booking_policies_one_default_per_tenant";
   ALTER TABLE "rooms_opening_hours" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rooms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rooms_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rooms_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "booking_policies_cancellation_tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "booking_policies" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "bookings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sessions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "rooms_opening_hours" CASCADE;
  DROP TABLE "rooms" CASCADE;
  DROP TABLE "rooms_locales" CASCADE;
  DROP TABLE "rooms_rels" CASCADE;
  DROP TABLE "booking_policies_cancellation_tiers" CASCADE;
  DROP TABLE "booking_policies" CASCADE;
  DROP TABLE "bookings" CASCADE;
  DROP TABLE "sessions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rooms_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_booking_policies_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_bookings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sessions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_rooms_id_idx";
  DROP INDEX "payload_locked_documents_rels_booking_policies_id_idx";
  DROP INDEX "payload_locked_documents_rels_bookings_id_idx";
  DROP INDEX "payload_locked_documents_rels_sessions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rooms_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "booking_policies_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "bookings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sessions_id";
  DROP TYPE "public"."enum_rooms_opening_hours_weekday";
  DROP TYPE "public"."enum_booking_policies_cancellation_tiers_notice_unit";
  DROP TYPE "public"."enum_booking_policies_deposit_type";
  DROP TYPE "public"."enum_bookings_status";
  DROP TYPE "public"."enum_bookings_source";
  DROP TYPE "public"."enum_sessions_status";`)
}
