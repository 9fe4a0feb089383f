import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { csvRow } from '../../../utilities/csv'
import { parseQuery } from '../../../utilities/parseRequest'
import { poolDb } from '../../../utilities/transactionDb'
import { auditScope } from '../services/auditScope'
import { auditFiltersSchema, auditWhere } from '../services/filters'
import { writeAuditEntry } from '../services/writeAuditEntry'

const PAGE_SIZE = 1_000
const COLUMNS = ['id', 'createdAt', 'action', 'collection', 'documentId', 'tenant', 'user', 'subject', 'actor', 'ip', 'userAgent', 'requestId', 'riskScore', 'riskReasons', 'changes']

type Row = Record<string, unknown> & { id: number }

/**
 * GET /api/audit-logs/export?…filters: the matching entries as CSV (RFC 4180), streamed page by page
 * with a keyset cursor on id, so memory stays flat however many rows there are. Audited as `export`.
 */
export const exportEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const filters = parseQuery(req, auditFiltersSchema)
    const tenantIds = await auditScope(req, 'export')
    const where = auditWhere(filters, tenantIds)
    const encoder = new TextEncoder()
    let lastId = 0
    let rowCount = 0
    let headerSent = false

    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(csvRow(COLUMNS)))
          return
        }
        const result = (await poolDb(req.payload).execute(sql`
          select id, created_at, action, collection, document_id, tenant_id, user_id, subject, actor, ip,
                 user_agent, request_id, risk_score, risk_reasons, changes
          from audit_logs where ${where} and id > ${lastId} order by id limit ${PAGE_SIZE}`)) as { rows: Row[] }
        const page = result.rows
        if (page.length === 0) {
          // Recorded before the stream ends: a client holding the whole file means the export is on record.
          await writeAuditEntry(req, { action: 'export', collection: 'audit-logs', details: { filters }, rowCount, tenant: tenantIds?.[0] ?? null }, { detached: true })
          controller.close()
          return
        }
        const text = page
          .map((row) =>
            csvRow([
              row.id,
              row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
              row.action,
              row.collection,
              row.document_id,
              row.tenant_id,
              row.user_id,
              row.subject,
              row.actor,
              row.ip,
              row.user_agent,
              row.request_id,
              row.risk_score,
              row.risk_reasons,
              row.changes,
            ]),
          )
          .join('')
        controller.enqueue(encoder.encode(text))
        lastId = page[page.length - 1]!.id
        rowCount += page.length
      },
    })
    return new Response(stream, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="audit-log.csv"',
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  }),
  method: 'get',
  path: '/export',
}
