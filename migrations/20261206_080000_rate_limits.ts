import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Rate-limit counters shared by every app node (utilities/rateLimitStore.ts), in the columns rate-limiter-flexible's
// RateLimiterPostgres reads and writes (`expire` in epoch milliseconds). Not a Payload collection. UNLOGGED: no WAL for
// counts that are worthless after a crash (one empties the table, forgiving the current windows). Every request
// rewrites a row: the free space per page lets those updates stay on the page (HOT, no index to touch).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNLOGGED TABLE IF NOT EXISTS "rate_limits" (
  	"key" varchar(255) PRIMARY KEY,
  	"points" integer NOT NULL DEFAULT 0,
  	"expire" bigint
  ) WITH (fillfactor = 70);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS "rate_limits";`)
}
