// Nightly: conversations untouched for ATELIER_AI_RETENTION_DAYS go, with their messages, in one transaction.
import type { PayloadRequest, TaskConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { inTransaction } from '../../../utilities/inTransaction'
import { transactionDb } from '../../../utilities/transactionDb'
import { aiOptions } from '../services/options'

/** Deletes the conversations whose last message is older than `days` days; returns how many. */
export const purgeOldConversations = (req: PayloadRequest, days: number): Promise<number> =>
  inTransaction(req, async () => {
    const db = await transactionDb(req)
    const cutoff = new Date(Date.now() - days * 86_400_000).toISOString()
    const old = sql`select id from ai_conversations where last_message_at < ${cutoff}`
    await db.execute(sql`delete from ai_messages where conversation_id in (${old})`)
    const { rows } = (await db.execute(sql`delete from ai_conversations where id in (${old}) returning id`)) as { rows: unknown[] }
    return rows.length
  })

export const aiRetentionTask: TaskConfig = {
  slug: 'aiRetention',
  handler: async ({ req }) => ({ output: { deleted: await purgeOldConversations(req, aiOptions(req.payload).retentionDays) } }),
  outputSchema: [{ name: 'deleted', type: 'number' }],
  retries: 2,
  schedule: [{ cron: '45 3 * * *', queue: 'nightly' }],
}
