import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_translations_namespace" AS ENUM('booking-page', 'emails');
  ALTER TYPE "public"."_locales" ADD VALUE 'de';
  ALTER TYPE "public"."_locales" ADD VALUE 'es';
  ALTER TYPE "public"."enum_tenants_default_locale" ADD VALUE 'de';
  ALTER TYPE "public"."enum_tenants_default_locale" ADD VALUE 'es';
  ALTER TYPE "public"."enum_users_language_preference" ADD VALUE 'de';
  ALTER TYPE "public"."enum_users_language_preference" ADD VALUE 'es';
  CREATE TABLE "translations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"namespace" "enum_translations_namespace" NOT NULL,
  	"tenant_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "translations_locales" (
  	"value" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "translations_id" integer;
  ALTER TABLE "translations" ADD CONSTRAINT "translations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "translations_locales" ADD CONSTRAINT "translations_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "translations_key_idx" ON "translations" USING btree ("key");
  CREATE INDEX "translations_namespace_idx" ON "translations" USING btree ("namespace");
  CREATE INDEX "translations_tenant_idx" ON "translations" USING btree ("tenant_id");
  CREATE INDEX "translations_updated_at_idx" ON "translations" USING btree ("updated_at");
  CREATE INDEX "translations_created_at_idx" ON "translations" USING btree ("created_at");
  CREATE UNIQUE INDEX "translations_locales_locale_parent_id_unique" ON "translations_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_translations_fk" FOREIGN KEY ("translations_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_translations_id_idx" ON "payload_locked_documents_rels" USING btree ("translations_id");
  -- A studio's strings go with it (set null would turn them into platform strings).
  -- One string per key for the platform (no studio) and per studio: PostgreSQL sees NULL studios as distinct.
  CREATE UNIQUE INDEX "translations_one_per_scope" ON "translations" (coalesce("tenant_id", 0), "namespace", "key");`)
  // Editors word the studio's pages (admins inherit it; owners hold every permission); staff read them.
  await grantToSystemRoles(db, {
    editor: [{ actions: ['create', 'read', 'update', 'delete'], resource: 'translations' }],
    staff: [{ actions: ['read'], resource: 'translations' }],
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "translations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "translations_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "translations" CASCADE;
  DROP TABLE "translations_locales" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_translations_fk";
  
  ALTER TABLE "media_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "artists_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "rooms_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "plans_features" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "plans_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "credit_packs_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  ALTER TABLE "currencies_locales" ALTER COLUMN "_locale" SET DATA TYPE text;
  DROP TYPE "public"."_locales";
  CREATE TYPE "public"."_locales" AS ENUM('en', 'fr');
  ALTER TABLE "media_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "artists_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "rooms_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "plans_features" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "plans_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "credit_packs_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "currencies_locales" ALTER COLUMN "_locale" SET DATA TYPE "public"."_locales" USING "_locale"::"public"."_locales";
  ALTER TABLE "tenants" ALTER COLUMN "default_locale" SET DATA TYPE text;
  ALTER TABLE "tenants" ALTER COLUMN "default_locale" SET DEFAULT 'en'::text;
  DROP TYPE "public"."enum_tenants_default_locale";
  CREATE TYPE "public"."enum_tenants_default_locale" AS ENUM('en', 'fr');
  ALTER TABLE "tenants" ALTER COLUMN "default_locale" SET DEFAULT 'en'::"public"."enum_tenants_default_locale";
  ALTER TABLE "tenants" ALTER COLUMN "default_locale" SET DATA TYPE "public"."enum_tenants_default_locale" USING "default_locale"::"public"."enum_tenants_default_locale";
  ALTER TABLE "users" ALTER COLUMN "language_preference" SET DATA TYPE text;
  ALTER TABLE "users" ALTER COLUMN "language_preference" SET DEFAULT 'en'::text;
  DROP TYPE "public"."enum_users_language_preference";
  CREATE TYPE "public"."enum_users_language_preference" AS ENUM('en', 'fr');
  ALTER TABLE "users" ALTER COLUMN "language_preference" SET DEFAULT 'en'::"public"."enum_users_language_preference";
  ALTER TABLE "users" ALTER COLUMN "language_preference" SET DATA TYPE "public"."enum_users_language_preference" USING "language_preference"::"public"."enum_users_language_preference";
  DROP INDEX "payload_locked_documents_rels_translations_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "translations_id";
  DROP TYPE "public"."enum_translations_namespace";`)
}
