'use client'
// The report that was run: what it covers (studio, period, time zone), its downloads, its chart and its table.
import React from 'react'

import type { ReportsText } from './reportsText'
import type { ReportBuilder, Shown } from './useReportBuilder'

import { formatLocalDate } from '../services/reportDisplay'
import { ReportChartView } from './ReportChartView'
import { ReportTable } from './ReportTable'
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from './styles'

type Props = { busy: ReportBuilder['busy']; language: string; onDownload: (format: 'csv' | 'pdf' | 'xlsx') => void; onSort: (key: string) => void; shown: Shown; text: ReportsText }

const FORMATS = ['csv', 'xlsx', 'pdf'] as const

/** The last day a period includes: its `to` is excluded. */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

export function ReportResult({ busy, language, onDownload, onSort, shown, text }: Props) {
  const { answer, spec } = shown
  const { meta } = answer
  const period = meta.period ? `${formatLocalDate(meta.period.from, null, language)} – ${formatLocalDate(dayBefore(meta.period.to), null, language)}` : null
  return (
    <section aria-busy={busy === 'run'} aria-labelledby="report-result-title" data-testid="report-result" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <header style={{ alignItems: 'baseline', display: 'flex', flexWrap: 'wrap', gap: '0 1rem', justifyContent: 'space-between' }}>
        <h2 id="report-result-title" style={{ margin: 0 }}>
          {meta.title}
        </h2>
        <p data-testid="report-meta" style={{ color: 'var(--theme-elevation-650)', margin: 0 }}>
          {[meta.studio, period, `${text.studioIn} ${meta.timezone}`].filter(Boolean).join(' · ')}
        </p>
      </header>
      <div aria-label={text.download} role="group" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, margin: 'calc(var(--base) * 0.75) 0' }}>
        {FORMATS.map((format, index) => (
          <button
            aria-busy={busy === format}
            aria-label={`${text.download} ${text.downloadAs[format]}`}
            className={index === 0 ? PRIMARY_BUTTON : SECONDARY_BUTTON}
            data-format={format}
            disabled={busy !== null}
            key={format}
            onClick={() => onDownload(format)}
            style={{ margin: 0 }}
            type="button"
          >
            {text.downloadAs[format]}
          </button>
        ))}
      </div>
      <ReportChartView answer={answer} groupBy={spec.groupBy} language={language} text={text} />
      <ReportTable answer={answer} disabled={busy !== null} language={language} onSort={onSort} spec={spec} text={text} />
    </section>
  )
}
