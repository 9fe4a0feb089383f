import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// A booking's status history is read from the audit log by document: an index by (collection, document, time)
// keeps that a range scan however many entries the studio has.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "collection_documentId_createdAt_idx" ON "audit_logs" USING btree ("collection","document_id","created_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "collection_documentId_createdAt_idx";`)
}
