'use client'
// The studio's scheduled reports (GET /api/reports/scheduled?tenant=): what is sent, when, to how many people,
// and when next; and the form for a new one. People who may not read schedules (403) see the refusal here only.
import React, { useEffect, useState } from 'react'

import type { ScheduledReport } from '../../../payload-types'
import type { ReportsText } from './reportsText'
import type { TemplateChoice } from './useReportBuilder'

import { callJson } from './reportsApi'
import { ScheduleForm } from './ScheduleForm'
import { errorStyle } from './styles'

type Props = {
  api: string
  language: string
  template: null | TemplateChoice
  templates: TemplateChoice[]
  tenant: number | undefined
  text: ReportsText
  /** The studio's zone, which send times are in; the browser's until it is known. */
  zone: null | string
}

type Load = { message: string; status: 'failed' } | { schedules: ScheduledReport[]; status: 'ready' } | { status: 'loading' }

const cell: React.CSSProperties = { borderBottom: '1px solid var(--theme-elevation-100)', padding: '6px 10px', textAlign: 'left' }

export function SchedulesPanel({ api, language, template, templates, tenant, text, zone }: Props) {
  const words = text.schedule
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    const query = tenant === undefined ? '' : `?tenant=${tenant}`
    callJson<{ docs: ScheduledReport[] }>(`${api}/reports/scheduled${query}`, words.failed, { signal: controller.signal })
      .then((result) => setLoad(result.ok ? { schedules: result.body.docs, status: 'ready' } : { message: result.errors[0]?.message ?? words.failed, status: 'failed' }))
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, generation, tenant, words.failed])

  const reportName = (schedule: ScheduledReport) => {
    if (schedule.template) return text.templates[schedule.template]?.name ?? templates.find((candidate) => candidate.key === schedule.template)?.name ?? schedule.template
    const saved = schedule.savedTemplate
    return saved && typeof saved === 'object' ? saved.name : `#${saved ?? '—'}`
  }
  const when = (schedule: ScheduledReport) => {
    const day =
      schedule.frequency === 'WEEKLY' && schedule.weekday
        ? `, ${words.weekdays[schedule.weekday - 1]}`
        : schedule.frequency === 'MONTHLY' && schedule.dayOfMonth
          ? `, ${schedule.dayOfMonth}`
          : ''
    return `${words.frequencies[schedule.frequency]}${day}, ${schedule.sendAt}`
  }
  const nextRun = (at: null | string | undefined) => {
    if (!at) return '—'
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', hour: '2-digit', minute: '2-digit', month: 'short', timeZoneName: 'short', year: 'numeric' }
    try {
      return new Intl.DateTimeFormat(language, { ...options, ...(zone ? { timeZone: zone } : {}) }).format(new Date(at))
    } catch {
      return new Intl.DateTimeFormat(language, options).format(new Date(at))
    }
  }

  return (
    <section aria-labelledby="schedules-title" data-testid="report-schedules">
      <h2 id="schedules-title">{words.title}</h2>
      {load.status === 'loading' ? <p aria-live="polite">…</p> : null}
      {load.status === 'failed' ? (
        <p role="alert" style={errorStyle}>
          {load.message}
        </p>
      ) : null}
      {load.status === 'ready' && load.schedules.length === 0 ? <p>{words.empty}</p> : null}
      {load.status === 'ready' && load.schedules.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <table aria-labelledby="schedules-title" data-testid="schedule-table" style={{ borderCollapse: 'collapse', marginBottom: 'var(--base)', minWidth: '100%' }}>
            <thead>
              <tr>
                {[words.name, words.report, words.format, words.when, words.recipients, words.nextRun].map((heading) => (
                  <th key={heading} scope="col" style={{ ...cell, borderBottom: '2px solid var(--theme-elevation-250)' }}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {load.schedules.map((schedule) => (
                <tr key={schedule.id} style={schedule.active === false ? { opacity: 0.6 } : undefined}>
                  <td style={cell}>{schedule.name}</td>
                  <td style={cell}>{reportName(schedule)}</td>
                  <td style={cell}>{text.downloadAs[schedule.format]}</td>
                  <td style={cell}>{when(schedule)}</td>
                  <td style={cell}>{schedule.recipients.length}</td>
                  <td style={cell}>{nextRun(schedule.nextRunAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {tenant === undefined ? (
        <p>{words.pickStudio}</p>
      ) : templates.length === 0 ? (
        <p>{words.pickTemplate}</p>
      ) : (
        <ScheduleForm api={api} onCreated={() => setGeneration((value) => value + 1)} template={template} templates={templates} tenant={tenant} text={text} />
      )}
    </section>
  )
}
