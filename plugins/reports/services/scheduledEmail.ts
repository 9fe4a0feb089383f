// The email of a scheduled report: the subject names the report and its period, the body says what is
// attached or that the period had no data. Plain text with escaped HTML beside it. Pure.
import type { ReportPeriod } from './schedule'

import { escapeHtml } from '../../../utilities/escapeHtml'
import { lastDayOf } from './fileName'

export const NO_DATA_LINE = 'No data for this period.'

export type ScheduledEmailFacts = {
  fileName: string
  hasRows: boolean
  name: string
  period: ReportPeriod
  studio: string
  timezone: string
}

/** "2026-03-23 – 2026-03-29" for a week or a month, "2026-03-29" for a day (the period's `to` is exclusive). */
export function periodLabel(period: Pick<ReportPeriod, 'from' | 'to'>): string {
  const last = lastDayOf(period)
  return last === period.from ? period.from : `${period.from} – ${last}`
}

export function scheduledReportEmail(facts: ScheduledEmailFacts): { html: string; subject: string; text: string } {
  const label = periodLabel(facts.period)
  const lines = [
    `${facts.name}, ${facts.studio}: ${label} (${facts.timezone} time).`,
    facts.hasRows ? `The report is attached: ${facts.fileName}.` : `${NO_DATA_LINE} The attached file (${facts.fileName}) has no rows.`,
    `You receive this report as a member of ${facts.studio} named among its recipients. Its schedule is under Reports in the admin.`,
  ]
  return {
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
    subject: `${facts.name} · ${label}`,
    text: lines.join('\n\n'),
  }
}
