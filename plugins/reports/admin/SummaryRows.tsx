'use client'
// A summary's shape: up to two group keys (a category, or a time by day, week, month, quarter or year) and the
// values computed per group (count, or a function of a field the catalogue allows for it).
import React from 'react'

import type { ReportFormState } from '../services/specForm'
import type { ReportsText } from './reportsText'

import { BUCKETS, REPORT_CATALOGUE } from '../services/catalogue'
import { aggregationFields, FORM_AGGREGATIONS, groupFields, MAX_GROUPS, needsBucket } from '../services/specForm'
import { controlStyle, fieldsetStyle, labelStyle, rowStyle, SECONDARY_BUTTON, SMALL_BUTTON_STYLE } from './styles'

type Props = { form: ReportFormState; setForm: React.Dispatch<React.SetStateAction<ReportFormState>>; text: ReportsText }

export const fieldLabel = (source: string, name: string, text: ReportsText) => {
  const field = REPORT_CATALOGUE[source]?.fields[name]
  return field ? `${field.label}${field.personal ? ` (${text.personal})` : ''}` : name
}

export function GroupRows({ form, setForm, text }: Props) {
  const choices = groupFields(form.source)
  const update = (index: number, patch: Partial<ReportFormState['groups'][number]>) =>
    setForm((current) => ({ ...current, groups: current.groups.map((group, at) => (at === index ? { ...group, ...patch } : group)) }))
  return (
    <fieldset style={fieldsetStyle}>
      <legend>{text.groups}</legend>
      {form.groups.map((group, index) => (
        <div data-testid="report-group" key={index} style={rowStyle}>
          <label htmlFor={`report-group-${index}`} style={labelStyle}>
            {`${text.group} ${index + 1}`}
            <select id={`report-group-${index}`} onChange={(event) => update(index, { field: event.target.value })} style={controlStyle} value={group.field}>
              <option value="">{text.none}</option>
              {choices.map((name) => (
                <option key={name} value={name}>
                  {fieldLabel(form.source, name, text)}
                </option>
              ))}
            </select>
          </label>
          {needsBucket(form.source, group.field) ? (
            <label htmlFor={`report-group-${index}-bucket`} style={labelStyle}>
              {text.bucket}
              <select
                id={`report-group-${index}-bucket`}
                onChange={(event) => update(index, { bucket: event.target.value as (typeof BUCKETS)[number] })}
                style={controlStyle}
                value={group.bucket}
              >
                {BUCKETS.map((bucket) => (
                  <option key={bucket} value={bucket}>
                    {text.buckets[bucket]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button
            aria-label={`${text.remove}: ${text.group} ${index + 1}`}
            className={SECONDARY_BUTTON}
            onClick={() => setForm((current) => ({ ...current, groups: current.groups.filter((_, at) => at !== index) }))}
            style={SMALL_BUTTON_STYLE}
            type="button"
          >
            {text.remove}
          </button>
        </div>
      ))}
      {form.groups.length < MAX_GROUPS ? (
        <button
          className={SECONDARY_BUTTON}
          onClick={() => setForm((current) => ({ ...current, groups: [...current.groups, { bucket: 'month', field: choices[0] ?? '' }] }))}
          style={SMALL_BUTTON_STYLE}
          type="button"
        >
          {text.addGroup}
        </button>
      ) : null}
    </fieldset>
  )
}

export function AggregationRows({ form, setForm, text }: Props) {
  const update = (index: number, patch: Partial<ReportFormState['aggregations'][number]>) =>
    setForm((current) => ({
      ...current,
      aggregations: current.aggregations.map((row, at) => {
        if (at !== index) return row
        const next = { ...row, ...patch }
        // A function that cannot read the chosen field takes the first one it can.
        const allowed = aggregationFields(current.source, next.fn)
        return allowed.includes(next.field) ? next : { ...next, field: allowed[0] ?? '' }
      }),
    }))
  return (
    <fieldset style={fieldsetStyle}>
      <legend>{text.aggregations}</legend>
      {form.aggregations.map((row, index) => (
        <div data-testid="report-aggregation" key={index} style={rowStyle}>
          <label htmlFor={`report-aggregation-${index}`} style={labelStyle}>
            {`${text.aggregation} ${index + 1}`}
            <select
              id={`report-aggregation-${index}`}
              onChange={(event) => update(index, { fn: event.target.value as (typeof FORM_AGGREGATIONS)[number] })}
              style={controlStyle}
              value={row.fn}
            >
              {FORM_AGGREGATIONS.map((fn) => (
                <option key={fn} value={fn}>
                  {text.aggregationFn[fn]}
                </option>
              ))}
            </select>
          </label>
          {row.fn === 'count' ? null : (
            <label htmlFor={`report-aggregation-${index}-field`} style={labelStyle}>
              {text.field}
              <select id={`report-aggregation-${index}-field`} onChange={(event) => update(index, { field: event.target.value })} style={controlStyle} value={row.field}>
                {aggregationFields(form.source, row.fn).map((name) => (
                  <option key={name} value={name}>
                    {fieldLabel(form.source, name, text)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            aria-label={`${text.remove}: ${text.aggregation} ${index + 1}`}
            className={SECONDARY_BUTTON}
            onClick={() => setForm((current) => ({ ...current, aggregations: current.aggregations.filter((_, at) => at !== index) }))}
            style={SMALL_BUTTON_STYLE}
            type="button"
          >
            {text.remove}
          </button>
        </div>
      ))}
      <button
        className={SECONDARY_BUTTON}
        onClick={() => setForm((current) => ({ ...current, aggregations: [...current.aggregations, { field: '', fn: 'count' }] }))}
        style={SMALL_BUTTON_STYLE}
        type="button"
      >
        {text.addAggregation}
      </button>
    </fieldset>
  )
}
