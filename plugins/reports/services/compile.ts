// A ReportSpec as one parameterised SQL query (drizzle's `sql`), plus one for the totals. The tenant condition
// comes from the caller's scope, never from the spec; every name is looked up in the registry and the output
// columns are aliased c0, c1… so that nothing a client sends becomes an identifier. Aggregation runs in
// PostgreSQL; JavaScript only renames the columns of the rows it gets back.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { ColumnType, ReportColumn } from '../types'
import type { ReportScope } from './scope'
import type { FieldDef } from './sources'
import type { Aggregation, ReportSpec } from './spec'

import { badRequest, forbidden } from '../../../utilities/apiErrors'
import { convertedMinorSql } from '../../currency'
import { filterSql } from './filters'

export type CompiledColumn = ReportColumn & { aggregate?: Aggregation['fn']; bucket?: string; expression: SQL; group: boolean }

export type CompiledReport = {
  columns: CompiledColumn[]
  /** Aggregated rows: a summary (small), as opposed to a listing of source rows. */
  grouped: boolean
  query: SQL
  /** The aggregations over every row, per currency when money is not converted; null for a listing. */
  totals: SQL | null
}

/** A period that makes rows (occupancy's weeks per room) is bounded: five years is 261 weeks a room. */
const MAX_MADE_PERIOD_DAYS = 5 * 366

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)
const alias = (index: number) => sql.raw(`c${index}`)
/** A column's label from its `as` name: `bookedHours` → "Booked hours", so renamed columns do not share a label. */
const labelOf = (name: string) => capitalised(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
const BUCKET_LABEL: Record<string, string> = { day: 'Day', month: 'Month', quarter: 'Quarter', week: 'Week', year: 'Year' }
const AGGREGATION_LABEL: Record<string, string> = { avg: 'Average', countDistinct: 'Distinct', max: 'Highest', min: 'Lowest', ratio: 'Ratio', sum: 'Total' }

export function compileReport(spec: ReportSpec, scope: ReportScope): CompiledReport {
  const { source, tenant } = scope
  const lookup = (name: string, path: string): FieldDef => {
    const field = Object.hasOwn(source.fields, name) ? source.fields[name] : undefined
    if (!field) throw badRequest(`Unknown field "${name}" in ${spec.source}.`, path)
    if (field.personal && !scope.personal) throw forbidden(`"${name}" is personal data: it needs the reports:read-personal permission.`)
    return field
  }
  // One studio: its zone is a constant, so period bounds are constants and an index on (tenant, time) serves.
  const zone = tenant ? sql`${tenant.timezone}::text` : sql`t.timezone`
  const localMidnight = (date: string) => sql`(${date}::timestamp at time zone ${zone})`
  const converted = (field: FieldDef, expression: SQL) =>
    spec.currency && field.type === 'money' && field.currency && source.moneyDate ? convertedMinorSql(expression, field.currency, source.moneyDate, spec.currency) : expression
  if (spec.currency && !source.moneyDate) throw badRequest(`${spec.source} has no money to convert.`, 'currency')

  const columns: CompiledColumn[] = []
  const add = (column: CompiledColumn) => {
    if (columns.some((existing) => existing.key === column.key)) throw badRequest(`Two columns are named "${column.key}": rename one with "as".`)
    columns.push(column)
  }
  if (!tenant) {
    add({ expression: sql`t.id`, group: true, key: 'studioId', label: 'Studio id', type: 'number' })
    add({ expression: sql`t.name`, group: true, key: 'studio', label: 'Studio', type: 'string' })
  }

  const aggregations = spec.aggregations ?? []
  const grouped = aggregations.length > 0 || (spec.groupBy?.length ?? 0) > 0
  let moneyCurrency: SQL | undefined
  const moneyColumn = (field: FieldDef): Partial<ReportColumn> => {
    if (spec.currency) return { currency: spec.currency }
    moneyCurrency ??= field.currency
    return { currencyKey: 'currency' }
  }

  if (grouped) {
    for (const [index, key] of (spec.groupBy ?? []).entries()) {
      const path = `groupBy.${index}`
      const name = typeof key === 'string' ? key : key.field
      const field = lookup(name, typeof key === 'string' ? path : `${path}.field`)
      if (typeof key === 'string') {
        if (!field.groupable) throw badRequest(`${field.label} cannot be a group; group its time by a bucket or pick another field.`, path)
        add({ expression: field.expression, group: true, key: name, label: field.label, type: field.type })
      } else {
        if (field.type !== 'datetime') throw badRequest(`${field.label} is not a time: only times group by ${key.bucket}.`, `${path}.field`)
        // The bucket is one of five fixed words (zod), written into the query as such.
        // A date key (not text) groups and sorts fast; it is written YYYY-MM-DD when read back (run.ts).
        const bucket = sql`date_trunc('${sql.raw(key.bucket)}', ${field.expression} at time zone ${zone})::date`
        add({ bucket: key.bucket, expression: bucket, group: true, key: `${name}${capitalised(key.bucket)}`, label: `${field.label} (${BUCKET_LABEL[key.bucket]})`, type: 'date' })
      }
    }
    const list = aggregations.length > 0 ? aggregations : [{ fn: 'count' } as Aggregation]
    for (const [index, aggregation] of list.entries()) add(aggregationColumn(aggregation, `aggregations.${index}`, lookup, converted, moneyColumn, localMidnight))
    if (moneyCurrency && !columns.some((column) => column.key === 'currency')) {
      const at = columns.findIndex((column) => !column.group)
      columns.splice(at, 0, { expression: sql`${moneyCurrency}`, group: true, key: 'currency', label: 'Currency', type: 'string' })
    }
  } else {
    const names = spec.fields ?? Object.keys(source.fields).filter((name) => scope.personal || !source.fields[name]!.personal)
    for (const [index, name] of names.entries()) {
      const field = lookup(name, `fields.${index}`)
      add({ expression: converted(field, field.expression), group: false, key: name, label: field.label, type: field.type, ...(field.type === 'money' ? moneyColumn(field) : {}) })
    }
    if (moneyCurrency && !columns.some((column) => column.key === 'currency')) {
      add({ expression: sql`${moneyCurrency}`, group: false, key: 'currency', label: 'Currency', type: 'string' })
    }
  }

  const conditions: SQL[] = [tenant ? sql`${source.tenantColumn} = ${tenant.id}` : sql`true`]
  // The period makes this source's rows (weeks): its bounds are the rows, not a condition on them.
  if (source.periodMakesRows && !spec.period) throw badRequest(`${spec.source} needs a period.`, 'period')
  if (source.periodMakesRows && Date.parse(spec.period!.to) - Date.parse(spec.period!.from) > MAX_MADE_PERIOD_DAYS * 86_400_000) {
    throw badRequest(`A period of ${spec.source} spans at most ${MAX_MADE_PERIOD_DAYS / 366} years.`, 'period')
  }
  let from = typeof source.from === 'function' ? source.from({ period: spec.period, tenantId: tenant?.id ?? null }) : source.from
  // Across studios each row needs its studio (name, zone); for one studio the join would only cost (no parallel scan).
  if (!tenant) from = sql`${from} join tenants t on t.id = ${source.tenantColumn}`
  if (spec.period && !source.periodMakesRows) {
    const periodField = lookup(spec.period.field ?? source.periodField, 'period.field')
    if (periodField.type !== 'datetime') throw badRequest(`${periodField.label} is not a time.`, 'period.field')
    conditions.push(sql`${periodField.expression} >= ${localMidnight(spec.period.from)} and ${periodField.expression} < ${localMidnight(spec.period.to)}`)
  }
  if (spec.filters) conditions.push(filterSql(spec.filters, 'filters', lookup, localMidnight))
  const where = sql.join(conditions, sql` and `)

  const selectList = sql.join(columns.map((column, index) => sql`${column.expression} as ${alias(index)}`), sql`, `)
  const groupPositions = columns.flatMap((column, index) => (column.group ? [sql.raw(String(index + 1))] : []))
  const groupBy = grouped && groupPositions.length > 0 ? sql` group by ${sql.join(groupPositions, sql`, `)}` : sql``
  const order = orderBy(spec, columns, grouped, source.fields[source.periodField]!.expression)
  const limit = spec.limit === undefined ? sql`` : sql` limit ${spec.limit}`
  const query = sql`select ${selectList} from ${from} where ${where}${groupBy} order by ${order}${limit}`

  let totals: null | SQL = null
  if (grouped) {
    const totalColumns = columns.filter((column) => !column.group || (column.key === 'currency' && moneyCurrency))
    const totalsList = sql.join(totalColumns.map((column) => sql`${column.expression} as ${alias(columns.indexOf(column))}`), sql`, `)
    const byCurrency = totalColumns[0]?.group ? sql` group by 1 order by 1` : sql``
    totals = sql`select ${totalsList} from ${from} where ${where}${byCurrency}`
  }
  return { columns, grouped, query, totals }
}

function orderBy(spec: ReportSpec, columns: CompiledColumn[], grouped: boolean, periodExpression: SQL): SQL {
  if (spec.sort?.length) {
    return sql.join(
      spec.sort.map(({ direction, key }, index) => {
        const position = columns.findIndex((column) => column.key === key)
        if (position < 0) throw badRequest(`Sort by one of the report's columns: ${columns.map((column) => column.key).join(', ')}.`, `sort.${index}.key`)
        return sql.raw(`${position + 1} ${direction === 'desc' ? 'desc' : 'asc'} nulls last`)
      }),
      sql`, `,
    )
  }
  if (!grouped) return sql`${periodExpression} desc nulls last`
  const groups = columns.flatMap((column, index) => (column.group ? [sql.raw(String(index + 1))] : []))
  return groups.length > 0 ? sql.join(groups, sql`, `) : sql`1`
}

function aggregationColumn(
  aggregation: Aggregation,
  path: string,
  lookup: (name: string, path: string) => FieldDef,
  converted: (field: FieldDef, expression: SQL) => SQL,
  moneyColumn: (field: FieldDef) => Partial<ReportColumn>,
  localMidnight: (date: string) => SQL,
): CompiledColumn {
  const filter = aggregation.where ? sql` filter (where ${filterSql(aggregation.where, `${path}.where`, lookup, localMidnight)})` : sql``
  const base = { aggregate: aggregation.fn, group: false, key: aggregation.as ?? '' }
  if (aggregation.fn === 'count') return { ...base, expression: sql`count(*)${filter}`, key: aggregation.as ?? 'count', label: aggregation.as ? labelOf(aggregation.as) : 'Count', type: 'number' }
  const field = lookup(aggregation.field!, `${path}.field`)
  const key = aggregation.as ?? `${aggregation.fn}${capitalised(aggregation.field!)}`
  const label = aggregation.as ? labelOf(aggregation.as) : `${AGGREGATION_LABEL[aggregation.fn]} ${field.label.toLowerCase()}`
  const value = converted(field, field.expression)
  const numeric = field.type === 'number' || field.type === 'money'
  const refuse = (what: string) => badRequest(`${aggregation.fn} needs ${what}; ${field.label} is not.`, `${path}.field`)
  switch (aggregation.fn) {
    case 'countDistinct':
      if (!field.groupable) throw refuse('a field that can be grouped')
      return { ...base, expression: sql`count(distinct ${value})${filter}`, key, label, type: 'number' }
    case 'sum':
    case 'avg': {
      if (!numeric) throw refuse('a number or an amount')
      const type: ColumnType = field.type
      const money = type === 'money' ? moneyColumn(field) : {}
      const expression =
        aggregation.fn === 'sum'
          ? sql`coalesce(sum(${value})${filter}, 0)`
          : type === 'money'
            ? sql`round(avg(${value})${filter})`
            : sql`round(avg(${value})${filter}, 4)`
      return { ...base, ...money, expression, key, label, type }
    }
    case 'min':
    case 'max': {
      if (!numeric && field.type !== 'datetime') throw refuse('a number, an amount or a time')
      const fn = sql.raw(aggregation.fn)
      return { ...base, ...(field.type === 'money' ? moneyColumn(field) : {}), expression: sql`${fn}(${value})${filter}`, key, label, type: field.type }
    }
    case 'ratio': {
      const over = lookup(aggregation.over!, `${path}.over`)
      if (!numeric || (over.type !== 'number' && over.type !== 'money')) throw refuse('two numbers')
      const expression = sql`round(coalesce(sum(${value})${filter}, 0) / nullif(sum(${converted(over, over.expression)})${filter}, 0), 4)`
      return { ...base, expression, key: aggregation.as ?? `ratio${capitalised(aggregation.field!)}`, label: aggregation.as ? labelOf(aggregation.as) : `${field.label} / ${over.label}`, type: 'number' }
    }
  }
}
