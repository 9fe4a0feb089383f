import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_theme_preference_mode" AS ENUM('light', 'dark', 'auto', 'scheduled');
  ALTER TABLE "users" ADD COLUMN "theme_preference_mode" "enum_users_theme_preference_mode" DEFAULT 'auto';
  ALTER TABLE "users" ADD COLUMN "theme_preference_dark_from" varchar;
  ALTER TABLE "users" ADD COLUMN "theme_preference_dark_until" varchar;
  ALTER TABLE "users" ADD COLUMN "theme_preference_timezone" varchar;
  ALTER TABLE "users" ADD COLUMN "custom_colors_primary" varchar;
  ALTER TABLE "users" ADD COLUMN "custom_colors_accent" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP COLUMN "theme_preference_mode";
  ALTER TABLE "users" DROP COLUMN "theme_preference_dark_from";
  ALTER TABLE "users" DROP COLUMN "theme_preference_dark_until";
  ALTER TABLE "users" DROP COLUMN "theme_preference_timezone";
  ALTER TABLE "users" DROP COLUMN "custom_colors_primary";
  ALTER TABLE "users" DROP COLUMN "custom_colors_accent";
  DROP TYPE "public"."enum_users_theme_preference_mode";`)
}
