import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Per-studio row counts for the long lists (plugins/list-counts): an admin list's total at a million rows in
// one studio is a count(*) over every index entry of that studio (about 200 ms); the sum of a few rows here
// is under a millisecond. Triggers append deltas (no row is updated in place, so concurrent writers never wait
// on one another), and the compactListCounts job folds them. tenant_id 0 stands for rows without a studio.
// No foreign key: deleting a studio sets its rows' tenant_id to null, which the move trigger counts (one
// call per row: a studio with a million rows writes two million deltas in that transaction).
const TABLES = ['bookings', 'sessions', 'payments', 'audit_logs'] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // The compaction task (generated; IF NOT EXISTS so that the rest can be run again).
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'compactListCounts' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'compactListCounts' BEFORE 'auditAlert';`)
  await db.execute(sql`
  CREATE TABLE IF NOT EXISTS "list_row_counts" (
    "id" bigserial PRIMARY KEY,
    "table_name" text NOT NULL,
    "tenant_id" integer NOT NULL,
    "rows" bigint NOT NULL
  );
  CREATE INDEX IF NOT EXISTS "list_row_counts_table_tenant_idx" ON "list_row_counts" ("table_name", "tenant_id") INCLUDE ("rows");

  CREATE OR REPLACE FUNCTION atelier_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO list_row_counts (table_name, tenant_id, rows)
      SELECT TG_TABLE_NAME, coalesce(tenant_id, 0), count(*) FROM inserted_rows GROUP BY 2;
    RETURN NULL;
  END $$;

  CREATE OR REPLACE FUNCTION atelier_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO list_row_counts (table_name, tenant_id, rows)
      SELECT TG_TABLE_NAME, coalesce(tenant_id, 0), -count(*) FROM deleted_rows GROUP BY 2;
    RETURN NULL;
  END $$;

  -- Row level, and only when the studio changes (the WHEN clause costs no function call otherwise).
  CREATE OR REPLACE FUNCTION atelier_count_moved() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO list_row_counts (table_name, tenant_id, rows)
      VALUES (TG_TABLE_NAME, coalesce(OLD.tenant_id, 0), -1), (TG_TABLE_NAME, coalesce(NEW.tenant_id, 0), 1);
    RETURN NULL;
  END $$;`)

  // Writers wait (readers do not) from here to the commit, the four tables locked in one fixed order, so that
  // no write falls between a trigger's creation and its table's count; compaction waits too. CREATE OR
  // REPLACE TRIGGER takes no stronger lock than that, where DROP TRIGGER would take an exclusive one.
  await db.execute(sql.raw(`LOCK TABLE ${TABLES.map((table) => `"${table}"`).join(', ')}, "list_row_counts" IN SHARE ROW EXCLUSIVE MODE`))
  // A TRUNCATE empties a table's counts with it.
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION atelier_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM list_row_counts WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
  END $$;`)
  // Constant names as literals: a statement list takes no parameters.
  for (const table of TABLES) {
    const name = sql.raw(`"${table}"`)
    const literal = sql.raw(`'${table}'`)
    await db.execute(sql`
    CREATE OR REPLACE TRIGGER "count_inserted" AFTER INSERT ON ${name} REFERENCING NEW TABLE AS inserted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atelier_count_inserted();
    CREATE OR REPLACE TRIGGER "count_deleted" AFTER DELETE ON ${name} REFERENCING OLD TABLE AS deleted_rows
      FOR EACH STATEMENT EXECUTE FUNCTION atelier_count_deleted();
    CREATE OR REPLACE TRIGGER "count_moved" AFTER UPDATE OF "tenant_id" ON ${name}
      FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id) EXECUTE FUNCTION atelier_count_moved();
    CREATE OR REPLACE TRIGGER "count_truncated" AFTER TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION atelier_count_truncated();
    DELETE FROM list_row_counts WHERE table_name = ${literal};
    INSERT INTO list_row_counts (table_name, tenant_id, rows)
      SELECT ${literal}, coalesce(tenant_id, 0), count(*) FROM ${name} GROUP BY 2;`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of TABLES) {
    const name = sql.raw(`"${table}"`)
    await db.execute(sql`
    DROP TRIGGER IF EXISTS "count_inserted" ON ${name};
    DROP TRIGGER IF EXISTS "count_deleted" ON ${name};
    DROP TRIGGER IF EXISTS "count_moved" ON ${name};
    DROP TRIGGER IF EXISTS "count_truncated" ON ${name};`)
  }
  // Jobs of the task the enums lose would not cast back.
  await db.execute(sql`
  DELETE FROM "payload_jobs_log" WHERE "task_slug" = 'compactListCounts';
  DELETE FROM "payload_jobs" WHERE "task_slug" = 'compactListCounts';
  DROP FUNCTION IF EXISTS atelier_count_truncated();
  DROP FUNCTION IF EXISTS atelier_count_inserted();
  DROP FUNCTION IF EXISTS atelier_count_deleted();
  DROP FUNCTION IF EXISTS atelier_count_moved();
  DROP TABLE IF EXISTS "list_row_counts";`)
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'refreshExchangeRates', 'dueScheduledReports', 'sendScheduledReport', 'aiRetention', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'refreshExchangeRates', 'dueScheduledReports', 'sendScheduledReport', 'aiRetention', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
