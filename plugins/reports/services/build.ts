// The reports seam (`buildReport`, `reportFile`): a spec run for a request, with the caller's scope. JSON is
// bounded (a screen, an assistant); files are not, and stream from a cursor. Every file is audited as an export.
import type { PayloadRequest } from 'payload'

import type { ReportAnswer, ReportFormat, ReportMeta, RowPages } from '../types'
import type { ReportSpec } from './spec'

import { conflict, HttpError } from '../../../utilities/apiErrors'
import { poolDb } from '../../../utilities/transactionDb'
import { writeAuditEntry } from '../../audit-log'
import { canConvertTo } from '../../currency'
import { chartOf } from './chart'
import { compileReport } from './compile'
import { csvStream } from './csvWriter'
import { reportFileName } from './fileName'
import { cursorPages, runRows, runTotals } from './run'
import { reportScope, type ReportScope } from './scope'

/** Rows a JSON answer carries at most; a larger result is marked truncated (the files have no cap). */
export const JSON_MAX_ROWS = 10_000

const SOURCE_TITLES: Record<string, string> = {
  'audit-logs': 'Audit log',
  bookings: 'Bookings',
  'credit-ledger': 'AI credits',
  payments: 'Payments',
  refunds: 'Refunds',
  revenue: 'Revenue',
  rooms: 'Rooms',
  sessions: 'Sessions',
}

export function reportMeta(spec: ReportSpec, scope: ReportScope): ReportMeta {
  return {
    period: spec.period ? { from: spec.period.from, to: spec.period.to } : null,
    studio: scope.tenant?.name ?? 'All studios',
    // Across studios, buckets are each studio's own days; times in the files are written in UTC.
    timezone: scope.tenant?.timezone ?? 'UTC',
    title: spec.title ?? `${SOURCE_TITLES[spec.source] ?? spec.source} report`,
  }
}

async function checkCurrency(req: PayloadRequest, spec: ReportSpec): Promise<void> {
  if (!spec.currency) return
  const answer = await canConvertTo(poolDb(req.payload), spec.currency)
  if (answer === 'unavailable') throw conflict('No exchange rates have been loaded yet.', 'rates_unavailable')
  if (answer === 'unknown_currency') throw new HttpError(400, `No exchange rates for ${spec.currency}.`, [{ message: `No exchange rates for ${spec.currency}.`, path: 'currency' }])
}

/** The report as JSON for `req`'s user: columns, rows (at most JSON_MAX_ROWS), totals and a chart. */
export async function buildReport(req: PayloadRequest, spec: ReportSpec): Promise<ReportAnswer & { truncated: boolean }> {
  const scope = await reportScope(req, spec, 'read')
  const bounded = { ...spec, limit: Math.min(spec.limit ?? JSON_MAX_ROWS + 1, JSON_MAX_ROWS + 1) }
  const compiled = compileReport(bounded, scope)
  await checkCurrency(req, spec)
  const [{ rows, truncated }, totals] = await Promise.all([runRows(req.payload, compiled, Math.min(spec.limit ?? JSON_MAX_ROWS, JSON_MAX_ROWS)), runTotals(req.payload, compiled)])
  const columns = compiled.columns.map(({ currency, currencyKey, key, label, type }) => ({ key, label, type, ...(currency ? { currency } : {}), ...(currencyKey ? { currencyKey } : {}) }))
  return { chart: compiled.grouped ? chartOf(compiled.columns, rows) : { kind: 'none', series: [], x: null }, columns, meta: reportMeta(spec, scope), rows, totals, truncated }
}

export type ReportFile = { body: ReadableStream<Uint8Array>; contentType: string; fileName: string }

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Counts the rows as they pass, and audits the export when it ends, however it ends. */
async function* audited(req: PayloadRequest, pages: RowPages, spec: ReportSpec, scope: ReportScope, format: string): RowPages {
  let rowCount = 0
  let complete = false
  try {
    for await (const page of pages) {
      rowCount += page.length
      yield page
    }
    complete = true
  } finally {
    // Also when the reader stops early or the query fails: what left the server is on record, and whether it was all.
    const fields = spec.fields ?? null
    await writeAuditEntry(req, { action: 'export', collection: 'reports', details: { complete, fields, format, source: spec.source, title: spec.title ?? null }, rowCount, tenant: scope.tenant?.id ?? null }, { detached: true })
  }
}

/** The report as a file, streamed without a row cap; needs `reports:export` besides `reports:read`. */
export async function reportFile(req: PayloadRequest, spec: ReportSpec, format: Exclude<ReportFormat, 'json'>, checkedScope?: ReportScope): Promise<ReportFile> {
  const scope = checkedScope ?? (await reportScope(req, spec, 'export'))
  const compiled = compileReport(spec, scope)
  await checkCurrency(req, spec)
  const meta = reportMeta(spec, scope)
  // A PDF numbers its pages "n / N" as it writes them: the cursor counts the rows in its snapshot first.
  let counted: (rows: number) => void = () => undefined
  const rowCount = new Promise<number>((resolve) => (counted = resolve))
  const pages = audited(req, cursorPages(req.payload, compiled, undefined, format === 'pdf' ? { onCount: counted } : {}), spec, scope, format)
  // exceljs and pdfkit load when a file of theirs is asked for: every process would otherwise pay for them at start.
  const body =
    format === 'csv'
      ? csvStream(compiled.columns, pages)
      : format === 'xlsx'
        ? (await import('./xlsxWriter')).xlsxStream(compiled.columns, pages, meta)
        : (await import('./pdfWriter')).pdfStream(compiled.columns, pages, meta, rowCount)
  return { body, contentType: CONTENT_TYPES[format], fileName: reportFileName(meta, format) }
}
