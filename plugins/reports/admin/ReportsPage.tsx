'use client'
// The Reports page: the form (a predefined report or a custom spec), the report it ran (table, chart,
// downloads), and the studio's scheduled reports. State lives in useReportBuilder; each part is a component.
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { ReportForm } from './ReportForm'
import { ReportResult } from './ReportResult'
import { SchedulesPanel } from './SchedulesPanel'
import { useReportBuilder } from './useReportBuilder'

export function ReportsPage() {
  const { i18n } = useTranslation()
  const builder = useReportBuilder()
  const { text } = builder
  return (
    <section aria-labelledby="reports-title" data-testid="reports" style={{ paddingBottom: 'calc(var(--base) * 2)' }}>
      <h1 id="reports-title">{text.title}</h1>
      <ReportForm builder={builder} />
      {builder.shown ? (
        <ReportResult busy={builder.busy} language={i18n.language} onDownload={builder.download} onSort={builder.sortBy} shown={builder.shown} text={text} />
      ) : null}
      <SchedulesPanel
        api={builder.api}
        language={i18n.language}
        template={builder.template}
        templates={builder.templates}
        tenant={builder.tenant}
        text={text}
        zone={builder.studioZone}
      />
    </section>
  )
}
