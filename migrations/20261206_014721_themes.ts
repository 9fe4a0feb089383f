import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { grantToSystemRoles } from '../plugins/rbac/services/grantToSystemRoles'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_themes_light_font_family" AS ENUM('humanist', 'mono', 'rounded', 'serif', 'system');
  CREATE TYPE "public"."enum_themes_dark_font_family" AS ENUM('humanist', 'mono', 'rounded', 'serif', 'system');
  CREATE TABLE "themes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tenant_id" integer,
  	"name" varchar NOT NULL,
  	"is_default" boolean DEFAULT false,
  	"light_background" varchar DEFAULT '#fafaf9' NOT NULL,
  	"light_surface" varchar DEFAULT '#ffffff' NOT NULL,
  	"light_text" varchar DEFAULT '#1c1917' NOT NULL,
  	"light_muted_text" varchar DEFAULT '#57534e' NOT NULL,
  	"light_primary" varchar DEFAULT '#1d4ed8' NOT NULL,
  	"light_on_primary" varchar DEFAULT '#ffffff' NOT NULL,
  	"light_accent" varchar DEFAULT '#15803d' NOT NULL,
  	"light_danger" varchar DEFAULT '#b91c1c' NOT NULL,
  	"light_border" varchar DEFAULT '#d6d3d1' NOT NULL,
  	"light_radius" numeric DEFAULT 6 NOT NULL,
  	"light_font_family" "enum_themes_light_font_family" DEFAULT 'system' NOT NULL,
  	"dark_background" varchar DEFAULT '#1c1917' NOT NULL,
  	"dark_surface" varchar DEFAULT '#292524' NOT NULL,
  	"dark_text" varchar DEFAULT '#fafaf9' NOT NULL,
  	"dark_muted_text" varchar DEFAULT '#d6d3d1' NOT NULL,
  	"dark_primary" varchar DEFAULT '#93c5fd' NOT NULL,
  	"dark_on_primary" varchar DEFAULT '#1c1917' NOT NULL,
  	"dark_accent" varchar DEFAULT '#4ade80' NOT NULL,
  	"dark_danger" varchar DEFAULT '#fca5a5' NOT NULL,
  	"dark_border" varchar DEFAULT '#57534e' NOT NULL,
  	"dark_radius" numeric DEFAULT 6 NOT NULL,
  	"dark_font_family" "enum_themes_dark_font_family" DEFAULT 'system' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "themes_id" integer;
  ALTER TABLE "themes" ADD CONSTRAINT "themes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "themes_tenant_idx" ON "themes" USING btree ("tenant_id");
  CREATE INDEX "themes_is_default_idx" ON "themes" USING btree ("is_default");
  CREATE INDEX "themes_updated_at_idx" ON "themes" USING btree ("updated_at");
  CREATE INDEX "themes_created_at_idx" ON "themes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_themes_fk" FOREIGN KEY ("themes_id") REFERENCES "public"."themes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_themes_id_idx" ON "payload_locked_documents_rels" USING btree ("themes_id");
  CREATE UNIQUE INDEX "themes_one_default_per_tenant" ON "themes" ("tenant_id") WHERE "is_default";`)
  // Editors shape the studio's look (admins inherit it; owners hold every permission); staff see it.
  await grantToSystemRoles(db, {
    editor: [{ actions: ['create', 'read', 'update', 'delete'], resource: 'themes' }],
    staff: [{ actions: ['read'], resource: 'themes' }],
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "themes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "themes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_themes_fk";
  
  DROP INDEX "payload_locked_documents_rels_themes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "themes_id";
  DROP TYPE "public"."enum_themes_light_font_family";
  DROP TYPE "public"."enum_themes_dark_font_family";`)
}
