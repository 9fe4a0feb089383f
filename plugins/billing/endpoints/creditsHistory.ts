// A studio's credit ledger (billing:read): a page as JSON, or all of it as a streamed CSV file.
import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { CREDIT_KINDS } from '../collections/CreditLedger'
import { billingTenant, tenantParam } from '../services/billingTenant'
import { historyCsv, historyPage, historyWhere } from '../services/creditHistory'

const plausible = (value: string) => {
  const year = Number(value.slice(0, 4))
  return year >= 2000 && year <= 2199
}
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).refine(plausible, 'A date between the years 2000 and 2199.')
const isDate = (value: string) => value.length === 10

const historyQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    from: dateOrInstant.optional(),
    kind: z.enum(CREDIT_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    tenant: tenantParam,
    to: dateOrInstant.optional(),
    user: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  })
  .strict()
  // Compared only when both are of one kind: a plain date's instant depends on the studio's zone.
  .refine(({ from, to }) => !from || !to || isDate(from) !== isDate(to) || Date.parse(from) < Date.parse(to), { message: 'Must be after `from`.', path: ['to'] })

/**
 * GET /api/billing/credits/history?tenant=&kind=&user=&from=&to=&page=&limit=&format=json|csv : newest first.
 * JSON: `{ docs: [{ id, createdAt, kind, amount, fromGrant, user: { id, name, email } | null, reference, note,
 * expiresAt }], page, limit, totalDocs, totalPages }`. CSV: every matching entry, streamed, as credit-history.csv
 * (the export is audited). `from` inclusive, `to` exclusive: ISO instants with an offset, or dates in the studio's
 * zone. 400 for a bad or unknown parameter; 401/403/404 as every billing endpoint.
 */
export const creditsHistoryEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { format, limit, page, tenant: tenantId, ...filters } = parseQuery(req, historyQuery)
    const tenant = await billingTenant(req, tenantId, 'read')
    const where = historyWhere(tenant, filters)
    if (format === 'json') return Response.json(await historyPage(await transactionDb(req), where, page, limit), { headers: { 'Cache-Control': 'no-store' } })

    const encoder = new TextEncoder()
    const chunks = historyCsv(poolDb(req.payload), where)
    const stream = new ReadableStream<Uint8Array>({
      async cancel() {
        await chunks.return(undefined)
      },
      async pull(controller) {
        const next = await chunks.next()
        if (next.done) {
          // Recorded before the stream ends: a client holding the whole file means the export is on record.
          await writeAuditEntry(req, { action: 'export', collection: 'credit-ledger', details: { filters }, tenant: tenant.id }, { detached: true })
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(next.value))
      },
    })
    return new Response(stream, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="credit-history.csv"',
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  }),
  method: 'get',
  path: '/billing/credits/history',
}
