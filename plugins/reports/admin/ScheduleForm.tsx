'use client'
// A new schedule for a predefined report: how often (daily, weekly on a weekday, monthly on a day), at what
// studio time, in which format, to which of the studio's members. The server validates it all again.
import React, { useEffect, useState } from 'react'

import type { ScheduleFormat, ScheduleFormState, ScheduleProblemCode } from '../services/scheduleForm'
import type { ScheduleFrequency } from '../services/schedule'
import type { ReportsText } from './reportsText'
import type { TemplateChoice } from './useReportBuilder'

import { initialScheduleForm, scheduleBody } from '../services/scheduleForm'
import { type ApiError, callJson } from './reportsApi'
import { controlStyle, errorStyle, fieldsetStyle, hintStyle, labelStyle, PRIMARY_BUTTON, rowStyle } from './styles'
import { useStudioMembers } from './useStudioMembers'

type Props = { api: string; onCreated: () => void; template: null | TemplateChoice; templates: TemplateChoice[]; tenant: number; text: ReportsText }

const FREQUENCIES: ScheduleFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY']
const FORMATS: ScheduleFormat[] = ['pdf', 'xlsx', 'csv']

export function ScheduleForm({ api, onCreated, template, templates, tenant, text }: Props) {
  const words = text.schedule
  const members = useStudioMembers(api, tenant, words.membersFailed)
  const [form, setForm] = useState<ScheduleFormState>(() => initialScheduleForm(template?.key ?? templates[0]?.key ?? ''))
  const [problems, setProblems] = useState<ScheduleProblemCode[]>([])
  const [errors, setErrors] = useState<ApiError[]>([])
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState(false)
  const set = (patch: Partial<ScheduleFormState>) => setForm((current) => ({ ...current, ...patch }))

  // The report chosen above is the one scheduled, unless another is picked here afterwards.
  const chosen = template?.key ?? templates[0]?.key ?? ''
  useEffect(() => {
    if (chosen) setForm((current) => ({ ...current, template: chosen }))
  }, [chosen])

  const submit = async () => {
    setCreated(false)
    setErrors([])
    const result = scheduleBody(form, tenant)
    setProblems(result.ok ? [] : result.problems)
    if (!result.ok) return
    setBusy(true)
    const answer = await callJson<{ doc: unknown }>(`${api}/reports/scheduled`, words.failed, { body: result.body, method: 'POST' })
    setBusy(false)
    if (!answer.ok) return setErrors(answer.errors)
    setCreated(true)
    setForm(initialScheduleForm(form.template))
    onCreated()
  }

  const messages = [...problems.map((code) => words.problems[code]), ...errors.map((error) => error.message)]
  return (
    <form
      aria-labelledby="schedule-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
      style={fieldsetStyle}
    >
      <h3 id="schedule-form-title" style={{ fontSize: '1rem', margin: '0 0 calc(var(--base) * 0.5)' }}>
        {words.new}
      </h3>
      <div style={rowStyle}>
        <label htmlFor="schedule-name" style={labelStyle}>
          {words.name}
          <input autoComplete="off" id="schedule-name" maxLength={120} onChange={(event) => set({ name: event.target.value })} style={controlStyle} value={form.name} />
        </label>
        <label htmlFor="schedule-template" style={labelStyle}>
          {words.report}
          <select id="schedule-template" onChange={(event) => set({ template: event.target.value })} style={controlStyle} value={form.template}>
            {templates.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {text.templates[candidate.key]?.name ?? candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="schedule-format" style={labelStyle}>
          {words.format}
          <select id="schedule-format" onChange={(event) => set({ format: event.target.value as ScheduleFormat })} style={controlStyle} value={form.format}>
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {text.downloadAs[format]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div style={rowStyle}>
        <label htmlFor="schedule-frequency" style={labelStyle}>
          {words.frequency}
          <select id="schedule-frequency" onChange={(event) => set({ frequency: event.target.value as ScheduleFrequency })} style={controlStyle} value={form.frequency}>
            {FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {words.frequencies[frequency]}
              </option>
            ))}
          </select>
        </label>
        {form.frequency === 'WEEKLY' ? (
          <label htmlFor="schedule-weekday" style={labelStyle}>
            {words.weekday}
            <select id="schedule-weekday" onChange={(event) => set({ weekday: event.target.value })} style={controlStyle} value={form.weekday}>
              {words.weekdays.map((day, index) => (
                <option key={day} value={String(index + 1)}>
                  {day}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {form.frequency === 'MONTHLY' ? (
          <label htmlFor="schedule-day" style={labelStyle}>
            {words.dayOfMonth}
            <input
              aria-describedby="schedule-day-hint"
              id="schedule-day"
              max={31}
              min={1}
              onChange={(event) => set({ dayOfMonth: event.target.value })}
              style={{ ...controlStyle, width: '5rem' }}
              type="number"
              value={form.dayOfMonth}
            />
          </label>
        ) : null}
        <label htmlFor="schedule-send-at" style={labelStyle}>
          {words.sendAt}
          <input id="schedule-send-at" onChange={(event) => set({ sendAt: event.target.value })} style={controlStyle} type="time" value={form.sendAt} />
        </label>
      </div>
      {form.frequency === 'MONTHLY' ? (
        <p id="schedule-day-hint" style={hintStyle}>
          {words.dayOfMonthHint}
        </p>
      ) : null}
      <fieldset style={{ ...fieldsetStyle, marginTop: 'calc(var(--base) * 0.5)' }}>
        <legend>{words.recipients}</legend>
        {members.status === 'loading' ? <p aria-live="polite">…</p> : null}
        {members.status === 'failed' ? <p style={errorStyle}>{members.message}</p> : null}
        {members.status === 'ready' && members.members.length === 0 ? <p>{words.noMembers}</p> : null}
        {members.status === 'ready' ? (
          <div style={{ display: 'grid', gap: '2px 1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))' }}>
            {members.members.map((member) => (
              <label htmlFor={`schedule-recipient-${member.id}`} key={member.id} style={{ alignItems: 'center', display: 'flex', gap: 6 }}>
                <input
                  checked={form.recipients.includes(member.id)}
                  id={`schedule-recipient-${member.id}`}
                  onChange={(event) =>
                    set({ recipients: event.target.checked ? [...form.recipients, member.id] : form.recipients.filter((id) => id !== member.id) })
                  }
                  type="checkbox"
                />
                {member.name ? `${member.name} <${member.email}>` : member.email}
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <div aria-live="assertive" data-testid="schedule-errors" role="alert">
        {messages.length > 0 ? (
          <ul style={{ ...errorStyle, margin: '0 0 calc(var(--base) * 0.5)', paddingLeft: '1.2rem' }}>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p aria-live="polite" style={{ margin: 0 }}>
        {created ? words.created : ''}
      </p>
      <button className={PRIMARY_BUTTON} disabled={busy || templates.length === 0} style={{ margin: 0 }} type="submit">
        {words.create}
      </button>
    </form>
  )
}
