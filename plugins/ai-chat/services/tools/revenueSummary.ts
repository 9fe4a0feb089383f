// revenue_summary: deposits in, refunds out and net, per month and in total, one line per currency, through the
// reports seam (`buildReport`) with the spec of the "Revenue by month" template, for the conversation's studio.
// The seam checks reports:read and payments:read there, as the reports page does.
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { ReportRow, ReportSpec } from '../../../reports'
import type { AssistantTool, ToolContext, ToolResult } from './types'

import { buildReport, predefinedTemplate, reportSpecSchema } from '../../../reports'
import { addDays, daysBetween, localDate, money } from './format'
import { invalidInput, studioFor, zodMessage } from './scope'

const MAX_RANGE_DAYS = 366

const input = z
  .object({ from: localDate, to: localDate })
  .strict()
  .refine(({ from, to }) => daysBetween(from, to) >= 0, { message: '`to` must not be before `from`.', path: ['to'] })
  .refine(({ from, to }) => daysBetween(from, to) < MAX_RANGE_DAYS, { message: `At most ${MAX_RANGE_DAYS} days at a time.`, path: ['to'] })

/** The predefined template `revenue-by-month` (reports' templates.ts), for one studio and period (`to` excluded). */
/** The predefined revenue-by-month report, over [from, toExclusive) in the studio. */
export const revenueByMonthSpec = (tenantId: number, from: string, toExclusive: string): ReportSpec => ({
  ...predefinedTemplate('revenue-by-month')!.spec,
  period: { from, to: toExclusive },
  tenant: tenantId,
})

const amountOf = (value: ReportRow[string] | undefined): number => (typeof value === 'number' ? value : 0)

const figures = (row: ReportRow, fallbackCurrency: string) => {
  const currency = typeof row.currency === 'string' ? row.currency : fallbackCurrency
  return { currency, deposits: money(amountOf(row.deposits), currency), net: money(amountOf(row.net), currency), refunds: money(amountOf(row.refunds), currency) }
}

async function run(req: PayloadRequest, raw: unknown, context: ToolContext): Promise<ToolResult> {
  const parsed = input.safeParse(raw)
  if (!parsed.success) return invalidInput(zodMessage(parsed.error))
  const { from, to } = parsed.data
  const tenant = await studioFor(req, context, [])
  const spec = reportSpecSchema.safeParse(revenueByMonthSpec(tenant.id, from, addDays(to, 1)))
  if (!spec.success) return invalidInput(zodMessage(spec.error))
  const report = await buildReport(req, spec.data)
  return {
    data: {
      from,
      to,
      timezone: report.meta.timezone,
      months: report.rows.map((row) => ({ month: String(row.atMonth ?? '').slice(0, 7), ...figures(row, tenant.defaultCurrency) })),
      totals: report.totals.map((row) => figures(row, tenant.defaultCurrency)),
      note: 'Money is never added across currencies: one line per currency. Deposits are paid payments, refunds succeeded refunds (negative), net their sum.',
    },
    ok: true,
  }
}

export const revenueSummary: AssistantTool = {
  definition: {
    name: 'revenue_summary',
    description:
      'The studio’s revenue between two local dates (inclusive, at most 366 days): paid deposits, refunds and net, per month and in total, per currency, with amounts in minor units and formatted. Needs the reports and payments read permissions. Read-only.',
    input_schema: {
      type: 'object',
      properties: {
        from: { type: 'string', format: 'date', description: 'First local date, YYYY-MM-DD.' },
        to: { type: 'string', format: 'date', description: 'Last local date, YYYY-MM-DD, inclusive.' },
      },
      required: ['from', 'to'],
      additionalProperties: false,
    },
  },
  run,
}
