'use client'
// A custom report: its source, then either a summary (groups and values) or a listing (the columns), and the
// filters. Changing the source drops the rows that name fields it does not have.
import React from 'react'

import type { ReportFormState } from '../services/specForm'
import type { ReportsText } from './reportsText'

import { CATALOGUE_SOURCES, REPORT_CATALOGUE } from '../services/catalogue'
import { withSource } from '../services/specForm'
import { FilterRows } from './FilterRows'
import { controlStyle, fieldsetStyle, hintStyle, labelStyle, rowStyle } from './styles'
import { AggregationRows, fieldLabel, GroupRows } from './SummaryRows'

type Props = { form: ReportFormState; moneyCurrency: string; setForm: React.Dispatch<React.SetStateAction<ReportFormState>>; text: ReportsText }

function FieldChecklist({ form, setForm, text }: Omit<Props, 'moneyCurrency'>) {
  const toggle = (name: string, on: boolean) =>
    setForm((current) => ({ ...current, fields: on ? [...current.fields.filter((field) => field !== name), name] : current.fields.filter((field) => field !== name) }))
  return (
    <fieldset style={fieldsetStyle}>
      <legend>{text.fields}</legend>
      <div style={{ display: 'grid', gap: '2px 1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' }}>
        {Object.keys(REPORT_CATALOGUE[form.source]?.fields ?? {}).map((name) => (
          <label htmlFor={`report-column-${name}`} key={name} style={{ alignItems: 'center', display: 'flex', gap: 6 }}>
            <input checked={form.fields.includes(name)} id={`report-column-${name}`} onChange={(event) => toggle(name, event.target.checked)} type="checkbox" />
            {fieldLabel(form.source, name, text)}
          </label>
        ))}
      </div>
      <p style={hintStyle}>{text.allFields}</p>
    </fieldset>
  )
}

export function SpecFields({ form, moneyCurrency, setForm, text }: Props) {
  const summary = form.groups.length > 0 || form.aggregations.length > 0
  return (
    <div data-testid="report-spec">
      <div style={rowStyle}>
        <label htmlFor="report-source" style={labelStyle}>
          {text.source}
          <select id="report-source" onChange={(event) => setForm((current) => withSource(current, event.target.value))} style={controlStyle} value={form.source}>
            {CATALOGUE_SOURCES.map((source) => (
              <option key={source} value={source}>
                {text.sources[source] ?? source}
              </option>
            ))}
          </select>
        </label>
      </div>
      <GroupRows form={form} setForm={setForm} text={text} />
      <AggregationRows form={form} setForm={setForm} text={text} />
      {summary ? null : <FieldChecklist form={form} setForm={setForm} text={text} />}
      <FilterRows form={form} moneyCurrency={moneyCurrency} setForm={setForm} text={text} />
    </div>
  )
}
