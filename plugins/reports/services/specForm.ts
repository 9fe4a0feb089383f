// The report builder's form as a ReportSpec: what each field may be grouped, aggregated and filtered by (from
// the catalogue), and the typed values a filter sends (money typed in major units, sent in minor units). Pure,
// browser-safe; the server checks the spec again, so this only spares a round trip and a confusing message.
import type { Aggregation, FilterCondition, FilterNode, GroupKey, ReportSpec } from './spec'
import type { ColumnType } from '../types'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { type AggregationFn, type Bucket, type CatalogueField, type Operator, REPORT_CATALOGUE } from './catalogue'

export type GroupInput = { bucket: Bucket; field: string }
export type AggregationInput = { field: string; fn: AggregationFn }
/** `value2` is the upper bound of `between`; `in` and `notIn` take `value` as a comma-separated list. */
export type FilterInput = { field: string; op: Operator; value: string; value2: string }

export type ReportFormState = {
  aggregations: AggregationInput[]
  /** An ISO code to convert money into, or '' for each row's own currency. */
  currency: string
  /** The columns of a listing (no groups, no aggregations); none selected means every readable one. */
  fields: string[]
  filters: FilterInput[]
  /** Local dates YYYY-MM-DD, `to` excluded; both empty for no period. */
  from: string
  groups: GroupInput[]
  source: string
  to: string
}

export type FormProblemCode = 'amount' | 'boolean' | 'currency' | 'date' | 'field' | 'list' | 'number' | 'period' | 'periodOrder' | 'periodRequired' | 'value'
/** `path` names the form row: `filters.1.value`, `aggregations.0.field`, `period`, `currency`. */
export type FormProblem = { code: FormProblemCode; path: string }

export type SpecResult = { ok: false; problems: FormProblem[] } | { ok: true; spec: ReportSpec }

export type SortInput = { direction: 'asc' | 'desc'; key: string }

/** The aggregations the form offers; `ratio` (two fields) stays with templates and saved specs. */
export const FORM_AGGREGATIONS: readonly AggregationFn[] = ['count', 'sum', 'avg', 'min', 'max', 'countDistinct']
export const MAX_GROUPS = 2

const ORDERED_TYPES = new Set<ColumnType>(['datetime', 'money', 'number'])
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/

const fieldsOf = (source: string): Record<string, CatalogueField> => REPORT_CATALOGUE[source]?.fields ?? {}
const fieldOf = (source: string, name: string): CatalogueField | undefined => (Object.hasOwn(fieldsOf(source), name) ? fieldsOf(source)[name] : undefined)

/** Fields that may be a group: categories as they are, times by a bucket. */
export const groupFields = (source: string): string[] =>
  Object.entries(fieldsOf(source))
    .filter(([, field]) => field.groupable || field.type === 'datetime')
    .map(([name]) => name)

export const needsBucket = (source: string, name: string): boolean => fieldOf(source, name)?.type === 'datetime'

/** The fields an aggregation may read: none for count, numbers and amounts to add up, times for min and max. */
export function aggregationFields(source: string, fn: AggregationFn): string[] {
  if (fn === 'count') return []
  const fits = (field: CatalogueField) => {
    if (fn === 'countDistinct') return field.groupable
    if (fn === 'min' || fn === 'max') return ORDERED_TYPES.has(field.type)
    return field.type === 'number' || field.type === 'money'
  }
  return Object.entries(fieldsOf(source))
    .filter(([, field]) => fits(field))
    .map(([name]) => name)
}

/** The operators that make sense for a field's type (the server refuses the others). */
export function operatorsFor(type: ColumnType | undefined): Operator[] {
  if (type === 'boolean') return ['eq', 'ne', 'isNull', 'notNull']
  if (type === 'datetime') return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'isNull', 'notNull']
  if (type === 'money' || type === 'number') return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'isNull', 'notNull']
  return ['eq', 'ne', 'in', 'notIn', 'contains', 'startsWith', 'isNull', 'notNull']
}

export const takesNoValue = (op: Operator) => op === 'isNull' || op === 'notNull'
export const takesList = (op: Operator) => op === 'in' || op === 'notIn'

/** "80", "80.5", "80,50", "-12.5" in major units of `currency` to integer minor units, by string arithmetic. */
export function amountToMinorUnits(input: string, currency: string): null | number {
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(input.trim())
  if (!match) return null
  const [, sign, whole, fraction = ''] = match
  const exponent = currencyExponent(currency)
  if (fraction.length > exponent) return null
  const digits = `${whole}${fraction.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '')
  if (digits.length > 15) return null
  const minor = Number(digits)
  return sign && minor !== 0 ? -minor : minor
}

type Typed = { code: FormProblemCode; ok: false } | { ok: true; value: boolean | number | string }

function typedValue(field: CatalogueField, raw: string, moneyCurrency: string): Typed {
  const text = raw.trim()
  switch (field.type) {
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { code: 'boolean', ok: false }
    case 'money': {
      const minor = amountToMinorUnits(text, moneyCurrency)
      return minor === null ? { code: 'amount', ok: false } : { ok: true, value: minor }
    }
    case 'number': {
      const value = Number(text)
      return text !== '' && Number.isFinite(value) ? { ok: true, value } : { code: 'number', ok: false }
    }
    case 'datetime':
      return LOCAL_DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { ok: true, value: text } : { code: 'date', ok: false }
    default:
      return text === '' ? { code: 'value', ok: false } : { ok: true, value: text }
  }
}

function filterCondition(filter: FilterInput, source: string, path: string, moneyCurrency: string, problems: FormProblem[]): FilterCondition | null {
  const field = fieldOf(source, filter.field)
  if (!field) {
    problems.push({ code: 'field', path: `${path}.field` })
    return null
  }
  if (takesNoValue(filter.op)) return { field: filter.field, op: filter.op }
  const typed = (raw: string, at: string) => {
    const result = typedValue(field, raw, moneyCurrency)
    if (result.ok) return result.value
    problems.push({ code: result.code, path: at })
    return null
  }
  if (takesList(filter.op)) {
    const parts = filter.value.split(',').map((part) => part.trim()).filter(Boolean)
    if (parts.length === 0) {
      problems.push({ code: 'list', path: `${path}.value` })
      return null
    }
    const values = parts.map((part) => typed(part, `${path}.value`))
    return values.includes(null) ? null : { field: filter.field, op: filter.op, value: values as (boolean | number | string)[] }
  }
  if (filter.op === 'between') {
    const low = typed(filter.value, `${path}.value`)
    const high = typed(filter.value2, `${path}.value2`)
    return low === null || high === null ? null : { field: filter.field, op: 'between', value: [low, high] }
  }
  const value = typed(filter.value, `${path}.value`)
  return value === null ? null : { field: filter.field, op: filter.op, value }
}

/**
 * The spec the form describes, for `tenant` when a studio is selected. Money filter values are read in
 * `moneyCurrency`, the studio's: filters compare each row's own amount, before any conversion. Empty rows
 * (no field chosen) are left out.
 */
export function specFromForm(form: ReportFormState, options: { moneyCurrency: string; sort?: SortInput[]; tenant?: number; title?: string }): SpecResult {
  const problems: FormProblem[] = []
  const { source } = form
  const catalogueSource = REPORT_CATALOGUE[source]
  if (!catalogueSource) return { ok: false, problems: [{ code: 'field', path: 'source' }] }

  const groupBy: GroupKey[] = form.groups
    .filter((group) => group.field !== '')
    .map((group) => (needsBucket(source, group.field) ? { bucket: group.bucket, field: group.field } : group.field))

  const aggregations: Aggregation[] = []
  for (const [index, row] of form.aggregations.entries()) {
    if (row.fn === 'count') aggregations.push({ fn: 'count' })
    else if (aggregationFields(source, row.fn).includes(row.field)) aggregations.push({ field: row.field, fn: row.fn })
    else problems.push({ code: 'field', path: `aggregations.${index}.field` })
  }

  const conditions: FilterNode[] = []
  for (const [index, filter] of form.filters.entries()) {
    if (filter.field === '') continue
    const condition = filterCondition(filter, source, `filters.${index}`, options.moneyCurrency, problems)
    if (condition) conditions.push(condition)
  }

  let period: ReportSpec['period']
  if (form.from || form.to) {
    if (!LOCAL_DATE.test(form.from) || !LOCAL_DATE.test(form.to)) problems.push({ code: 'period', path: 'period' })
    else if (form.from >= form.to) problems.push({ code: 'periodOrder', path: 'period' })
    else period = { from: form.from, to: form.to }
  } else if (catalogueSource.needsPeriod) {
    problems.push({ code: 'periodRequired', path: 'period' })
  }

  const currency = form.currency.trim().toUpperCase()
  if (currency && !/^[A-Z]{3}$/.test(currency)) problems.push({ code: 'currency', path: 'currency' })

  if (problems.length > 0) return { ok: false, problems }
  const summary = groupBy.length > 0 || aggregations.length > 0
  const fields = form.fields.filter((name) => fieldOf(source, name))
  const spec: ReportSpec = {
    source,
    ...(aggregations.length > 0 ? { aggregations } : {}),
    ...(groupBy.length > 0 ? { groupBy } : {}),
    ...(!summary && fields.length > 0 ? { fields } : {}),
    ...(conditions.length === 1 ? { filters: conditions[0] } : conditions.length > 1 ? { filters: { and: conditions } } : {}),
    ...(period ? { period } : {}),
    ...(currency ? { currency } : {}),
    ...(options.sort?.length ? { sort: options.sort } : {}),
    ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    ...(options.title ? { title: options.title } : {}),
  }
  return { ok: true, spec }
}

/** A predefined or saved template's spec as the form runs it: the form's period and currency, the chosen sort. */
export function templateSpec(
  spec: Omit<ReportSpec, 'tenant'>,
  form: Pick<ReportFormState, 'currency' | 'from' | 'to'>,
  options: { sort?: SortInput[]; tenant?: number },
): SpecResult {
  const problems: FormProblem[] = []
  if (!LOCAL_DATE.test(form.from) || !LOCAL_DATE.test(form.to)) problems.push({ code: 'period', path: 'period' })
  else if (form.from >= form.to) problems.push({ code: 'periodOrder', path: 'period' })
  const currency = form.currency.trim().toUpperCase()
  if (currency && !/^[A-Z]{3}$/.test(currency)) problems.push({ code: 'currency', path: 'currency' })
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    spec: {
      ...spec,
      period: { ...spec.period, from: form.from, to: form.to },
      ...(currency ? { currency } : {}),
      ...(options.sort?.length ? { sort: options.sort } : {}),
      ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
    },
  }
}

/** The form after choosing another source: rows naming fields the new source lacks are dropped. */
export function withSource(form: ReportFormState, source: string): ReportFormState {
  const has = (name: string) => fieldOf(source, name) !== undefined
  return {
    ...form,
    aggregations: form.aggregations.filter((row) => row.fn === 'count' || aggregationFields(source, row.fn).includes(row.field)),
    fields: form.fields.filter(has),
    filters: form.filters.filter((filter) => has(filter.field) && operatorsFor(fieldOf(source, filter.field)?.type).includes(filter.op)),
    groups: form.groups.filter((group) => groupFields(source).includes(group.field)),
    source,
  }
}

const pad = (value: number) => String(value).padStart(2, '0')

/** The last twelve whole months and the current one's start: [first of the month 11 months back, first of next month). */
export function lastTwelveMonths(today: Date): { from: string; to: string } {
  const year = today.getFullYear()
  const month = today.getMonth()
  const at = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-01`
  return { from: at(new Date(year, month - 11, 1)), to: at(new Date(year, month + 1, 1)) }
}

/** A new form: bookings counted by month over the last twelve months. */
export function initialForm(today: Date): ReportFormState {
  return { aggregations: [{ field: '', fn: 'count' }], currency: '', fields: [], filters: [], groups: [{ bucket: 'month', field: 'start' }], source: 'bookings', ...lastTwelveMonths(today) }
}
