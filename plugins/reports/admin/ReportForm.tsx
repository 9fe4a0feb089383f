'use client'
// What to run: a predefined report (its description shown) or a custom spec, the period and an optional
// currency to convert into; then what the form or the server found wrong, beside the Run button.
import React from 'react'

import type { ReportBuilder } from './useReportBuilder'

import { FormMessages } from './FormMessages'
import { PeriodFields } from './PeriodFields'
import { SpecFields } from './SpecFields'
import { controlStyle, hintStyle, labelStyle, PRIMARY_BUTTON, rowStyle } from './styles'
import { CUSTOM } from './useReportBuilder'

export function ReportForm({ builder }: { builder: ReportBuilder }) {
  const { busy, choice, choose, errors, form, moneyCurrency, problems, runForm, setForm, template, templates, text } = builder
  const named = (key: string, fallback: { description: string; name: string }) => text.templates[key] ?? fallback
  return (
    <form
      aria-label={text.report}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        runForm()
      }}
      style={{ marginBottom: 'calc(var(--base) * 1.5)' }}
    >
      <div style={rowStyle}>
        <label htmlFor="report-choice" style={labelStyle}>
          {text.report}
          <select id="report-choice" onChange={(event) => choose(event.target.value)} style={{ ...controlStyle, minWidth: '18rem' }} value={choice}>
            <option value={CUSTOM}>{text.customReport}</option>
            {templates.map((candidate) => (
              <option key={candidate.key} value={candidate.key}>
                {named(candidate.key, candidate).name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {template ? (
        <p data-testid="report-description" style={{ ...hintStyle, fontSize: '0.9rem', marginBottom: 'calc(var(--base) * 0.75)' }}>
          {named(template.key, template).description}
          {template.personal ? ` ${text.personalReport}` : ''}
        </p>
      ) : (
        <SpecFields form={form} moneyCurrency={moneyCurrency} setForm={setForm} text={text} />
      )}
      <PeriodFields form={form} setForm={setForm} text={text} />
      <FormMessages errors={errors} problems={problems} text={text} />
      <button aria-busy={busy === 'run'} className={PRIMARY_BUTTON} disabled={busy === 'run'} style={{ margin: 0 }} type="submit">
        {busy === 'run' ? text.running : text.run}
      </button>
    </form>
  )
}
