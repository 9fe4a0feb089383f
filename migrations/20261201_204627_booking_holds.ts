import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireBookingHolds' BEFORE 'processStripeEvent';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireBookingHolds' BEFORE 'processStripeEvent';
  ALTER TABLE "bookings" ADD COLUMN "customer_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "bookings" ADD COLUMN "secrets_client_ip_hash" varchar;
  CREATE INDEX "bookings_secrets_secrets_client_ip_hash_idx" ON "bookings" USING btree ("secrets_client_ip_hash");`)

  // Not a collection: emails anonymous requests sent per address (HMAC) and clock hour (services/mailQuota.ts).
  await db.execute(sql`
  CREATE TABLE "booking_email_quota" (
  	"address_hash" varchar NOT NULL,
  	"window_start" timestamp(3) with time zone NOT NULL,
  	"sent" integer DEFAULT 0 NOT NULL,
  	PRIMARY KEY ("address_hash", "window_start")
  );
  CREATE INDEX "booking_email_quota_window_start_idx" ON "booking_email_quota" USING btree ("window_start");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "booking_email_quota";
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "bookings_secrets_secrets_client_ip_hash_idx";
  ALTER TABLE "bookings" DROP COLUMN "customer_confirmed_at";
  ALTER TABLE "bookings" DROP COLUMN "secrets_client_ip_hash";`)
}
