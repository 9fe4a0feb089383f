import type { CollectionAfterChangeHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ReportTemplate } from '../../../payload-types'

import { transactionDb } from '../../../utilities/transactionDb'

/**
 * Whoever changes a saved report's spec becomes the owner of the schedules that send it: a schedule runs with
 * the permissions of the person who last decided what it sends, never with those of someone who did not.
 */
export const takeOverSchedules: CollectionAfterChangeHook<ReportTemplate> = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update' || !req.user || JSON.stringify(doc.spec) === JSON.stringify(previousDoc?.spec)) return doc
  const db = await transactionDb(req)
  await db.execute(sql`update scheduled_reports set owner_id = ${req.user.id} where saved_template_id = ${doc.id} and owner_id is distinct from ${req.user.id}`)
  return doc
}
