'use client'
// The filter list, all conditions combined with AND: a field, a condition its type allows, and a value typed
// to match (a date, yes/no, one of an enumerated field's values, an amount in major units, or a list).
import React from 'react'

import type { CatalogueField, Operator } from '../services/catalogue'
import type { FilterInput, ReportFormState } from '../services/specForm'
import type { ReportsText } from './reportsText'

import { REPORT_CATALOGUE } from '../services/catalogue'
import { operatorsFor, takesList, takesNoValue } from '../services/specForm'
import { fieldLabel } from './SummaryRows'
import { controlStyle, fieldsetStyle, hintStyle, labelStyle, rowStyle, SECONDARY_BUTTON, SMALL_BUTTON_STYLE } from './styles'

type Props = { form: ReportFormState; moneyCurrency: string; setForm: React.Dispatch<React.SetStateAction<ReportFormState>>; text: ReportsText }

function ValueInput({ field, id, label, onChange, op, text, value }: { field: CatalogueField | undefined; id: string; label: string; onChange: (value: string) => void; op: Operator; text: ReportsText; value: string }) {
  const common = { id, onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange(event.target.value), style: controlStyle, value }
  let control: React.ReactNode
  if (field?.type === 'boolean') {
    control = (
      <select {...common}>
        <option value="">{text.none}</option>
        <option value="true">{text.yes}</option>
        <option value="false">{text.no}</option>
      </select>
    )
  } else if (field?.values && !takesList(op)) {
    control = (
      <select {...common}>
        <option value="">{text.none}</option>
        {field.values.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    )
  } else if (field?.type === 'datetime' && !takesList(op)) {
    control = <input {...common} type="date" />
  } else {
    control = <input {...common} autoComplete="off" inputMode={field?.type === 'money' || field?.type === 'number' ? 'decimal' : undefined} type="text" />
  }
  return (
    <label htmlFor={id} style={labelStyle}>
      {label}
      {control}
    </label>
  )
}

export function FilterRows({ form, moneyCurrency, setForm, text }: Props) {
  const fields = REPORT_CATALOGUE[form.source]?.fields ?? {}
  const update = (index: number, patch: Partial<FilterInput>) =>
    setForm((current) => ({
      ...current,
      filters: current.filters.map((filter, at) => {
        if (at !== index) return filter
        const next = { ...filter, ...patch }
        if (patch.field === undefined) return next
        // Another field: a condition its type allows, and no value typed for the previous one.
        const allowed = operatorsFor(fields[next.field]?.type)
        return { ...next, op: allowed.includes(next.op) ? next.op : allowed[0]!, value: '', value2: '' }
      }),
    }))
  return (
    <fieldset style={fieldsetStyle}>
      <legend>{text.filters}</legend>
      {form.filters.map((filter, index) => {
        const field = Object.hasOwn(fields, filter.field) ? fields[filter.field] : undefined
        const position = `${text.problemAt.filters} ${index + 1}`
        return (
          <div data-testid="report-filter" key={index} style={{ marginBottom: 'calc(var(--base) * 0.5)' }}>
            <div style={{ ...rowStyle, marginBottom: 0 }}>
              <label htmlFor={`report-filter-${index}`} style={labelStyle}>
                {`${position}: ${text.field.toLowerCase()}`}
                <select id={`report-filter-${index}`} onChange={(event) => update(index, { field: event.target.value })} style={controlStyle} value={filter.field}>
                  <option value="">{text.none}</option>
                  {Object.keys(fields).map((name) => (
                    <option key={name} value={name}>
                      {fieldLabel(form.source, name, text)}
                    </option>
                  ))}
                </select>
              </label>
              <label htmlFor={`report-filter-${index}-op`} style={labelStyle}>
                {text.operator}
                <select id={`report-filter-${index}-op`} onChange={(event) => update(index, { op: event.target.value as Operator })} style={controlStyle} value={filter.op}>
                  {operatorsFor(field?.type).map((op) => (
                    <option key={op} value={op}>
                      {text.operators[op]}
                    </option>
                  ))}
                </select>
              </label>
              {takesNoValue(filter.op) ? null : (
                <ValueInput field={field} id={`report-filter-${index}-value`} label={text.filterValue} onChange={(value) => update(index, { value })} op={filter.op} text={text} value={filter.value} />
              )}
              {filter.op === 'between' ? (
                <ValueInput field={field} id={`report-filter-${index}-value2`} label={text.filterValue2} onChange={(value2) => update(index, { value2 })} op={filter.op} text={text} value={filter.value2} />
              ) : null}
              <button
                aria-label={`${text.remove}: ${position}`}
                className={SECONDARY_BUTTON}
                onClick={() => setForm((current) => ({ ...current, filters: current.filters.filter((_, at) => at !== index) }))}
                style={SMALL_BUTTON_STYLE}
                type="button"
              >
                {text.remove}
              </button>
            </div>
            {takesList(filter.op) ? <p style={hintStyle}>{`${text.listHint}${field?.values ? ` (${field.values.join(', ')})` : ''}`}</p> : null}
            {field?.type === 'money' && !takesNoValue(filter.op) ? <p style={hintStyle}>{`${text.moneyHint} ${moneyCurrency}`}</p> : null}
          </div>
        )
      })}
      <button
        className={SECONDARY_BUTTON}
        onClick={() => setForm((current) => ({ ...current, filters: [...current.filters, { field: '', op: 'eq', value: '', value2: '' }] }))}
        style={SMALL_BUTTON_STYLE}
        type="button"
      >
        {text.addFilter}
      </button>
    </fieldset>
  )
}
