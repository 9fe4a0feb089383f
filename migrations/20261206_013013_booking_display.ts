import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "bookings" ADD COLUMN "display_currency" varchar;
  ALTER TABLE "bookings" ADD COLUMN "display_amount" numeric;
  ALTER TABLE "bookings" ADD COLUMN "display_rate" varchar;
  ALTER TABLE "bookings" ADD COLUMN "display_rate_date" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "bookings" DROP COLUMN "display_currency";
  ALTER TABLE "bookings" DROP COLUMN "display_amount";
  ALTER TABLE "bookings" DROP COLUMN "display_rate";
  ALTER TABLE "bookings" DROP COLUMN "display_rate_date";`)
}
