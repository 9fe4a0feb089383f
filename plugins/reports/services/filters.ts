// A spec's filter tree as one SQL condition. Values always travel as parameters; field names only select a
// registry expression. Every value is checked against its field's type, so a bad one is a 400, not a SQL error.
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { FieldDef } from './sources'
import type { FilterCondition, FilterNode } from './spec'

import { badRequest } from '../../../utilities/apiErrors'

export type FieldLookup = (name: string, path: string) => FieldDef
/** A local date (YYYY-MM-DD) as the instant of its midnight in the studio's zone. */
export type LocalMidnight = (date: string) => SQL

const ORDERED = new Set(['datetime', 'money', 'number'])
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/

/** A real day between the years 1 and 9999: 2024-02-30 and 0000-01-01 are not (PostgreSQL would fail on them). */
export function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const parsed = new Date(Date.UTC(2000, month - 1, day))
  parsed.setUTCFullYear(year)
  return year >= 1 && year <= 9999 && parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
}

/** `%`, `_` and the escape itself match literally inside LIKE patterns. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`)

function typedValue(field: FieldDef, value: unknown, path: string, localMidnight: LocalMidnight): SQL {
  const wrong = (expected: string) => badRequest(`Expected ${expected} for ${field.label}.`, path)
  switch (field.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('true or false')
      return sql`${value}`
    // Numbers travel as numeric, so that 1.5 or 3e9 against an integer column matches nothing instead of failing.
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong('an amount in minor units (an integer)')
      return sql`${value}::numeric`
    case 'number':
      if (typeof value !== 'number') throw wrong('a number')
      return sql`${value}::numeric`
    case 'datetime':
      if (typeof value === 'string' && LOCAL_DATE.test(value) && isCalendarDate(value)) return localMidnight(value)
      if (typeof value === 'string' && INSTANT.test(value) && isCalendarDate(value.slice(0, 10))) return sql`${value}::timestamptz`
      throw wrong('a date (YYYY-MM-DD, local) or an instant with its offset')
    default:
      if (typeof value !== 'string') throw wrong('text')
      if (field.values && !field.values.includes(value)) throw badRequest(`${field.label} is one of: ${field.values.join(', ')}.`, path)
      return sql`${value}`
  }
}

function conditionSql(condition: FilterCondition, path: string, lookup: FieldLookup, localMidnight: LocalMidnight): SQL {
  const field = lookup(condition.field, `${path}.field`)
  const expression = field.expression
  const valuePath = `${path}.value`
  const one = () => {
    if (Array.isArray(condition.value) || condition.value === undefined) throw badRequest(`"${condition.op}" takes one value.`, valuePath)
    return typedValue(field, condition.value, valuePath, localMidnight)
  }
  const many = (count?: number) => {
    const values = condition.value
    if (!Array.isArray(values) || values.length === 0 || (count !== undefined && values.length !== count)) {
      throw badRequest(count ? `"${condition.op}" takes a list of ${count} values.` : `"${condition.op}" takes a list of values.`, valuePath)
    }
    return values.map((value, index) => typedValue(field, value, `${valuePath}.${index}`, localMidnight))
  }
  const ordered = () => {
    if (!ORDERED.has(field.type)) throw badRequest(`"${condition.op}" compares numbers, amounts and times, not ${field.label}.`, `${path}.op`)
  }
  const text = () => {
    if (field.type !== 'string' || typeof condition.value !== 'string') throw badRequest(`"${condition.op}" searches text with a text value.`, valuePath)
    return likeEscaped(condition.value)
  }
  switch (condition.op) {
    case 'eq':
      return sql`${expression} = ${one()}`
    case 'ne':
      return sql`${expression} is distinct from ${one()}`
    case 'gt':
      ordered()
      return sql`${expression} > ${one()}`
    case 'gte':
      ordered()
      return sql`${expression} >= ${one()}`
    case 'lt':
      ordered()
      return sql`${expression} < ${one()}`
    case 'lte':
      ordered()
      return sql`${expression} <= ${one()}`
    case 'between': {
      ordered()
      const [low, high] = many(2)
      return sql`(${expression} >= ${low} and ${expression} <= ${high})`
    }
    case 'in':
      return sql`${expression} in (${sql.join(many(), sql`, `)})`
    case 'notIn':
      return sql`(${expression} is null or ${expression} not in (${sql.join(many(), sql`, `)}))`
    case 'contains':
      return sql`${expression} ilike ${`%${text()}%`}`
    case 'startsWith':
      return sql`${expression} ilike ${`${text()}%`}`
    case 'isNull':
      return sql`${expression} is null`
    case 'notNull':
      return sql`${expression} is not null`
  }
}

/** The tree as SQL; `path` names where a refused part sits in the request body (`filters.and.0.value`). */
export function filterSql(node: FilterNode, path: string, lookup: FieldLookup, localMidnight: LocalMidnight): SQL {
  if ('and' in node) return sql`(${sql.join(node.and.map((child, index) => filterSql(child, `${path}.and.${index}`, lookup, localMidnight)), sql` and `)})`
  if ('or' in node) return sql`(${sql.join(node.or.map((child, index) => filterSql(child, `${path}.or.${index}`, lookup, localMidnight)), sql` or `)})`
  return conditionSql(node, path, lookup, localMidnight)
}
