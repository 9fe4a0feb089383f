// ReportSpec: what a client may ask of a report, checked at the trust boundary. Names are only shaped here;
// the compiler then looks each one up in the registry (sources.ts) and refuses what it does not list.
import { z } from 'zod'

import { AGGREGATIONS, BUCKETS, OPERATORS } from './catalogue'
import { isCalendarDate } from './filters'
import { SOURCE_NAMES } from './sources'

const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'Use letters and digits, starting with a letter.')
const localDate = z.iso.date().refine(isCalendarDate, 'A day between the years 1 and 9999.')

export { AGGREGATIONS, BUCKETS, OPERATORS }

const scalar = z.union([z.string().max(500), z.number().finite(), z.boolean()])

const condition = z
  .object({
    field: name,
    op: z.enum(OPERATORS),
    value: z.union([scalar, z.array(scalar).max(500)]).optional(),
  })
  .strict()

export type FilterCondition = z.infer<typeof condition>
export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] }

/** A condition, or and/or over nodes one level shallower: `depth` levels of nesting at most. */
const nodeOfDepth = (depth: number): z.ZodType<FilterNode> => {
  if (depth === 0) return condition
  const inner = nodeOfDepth(depth - 1)
  return z.union([
    condition,
    z.object({ and: z.array(inner).min(1).max(50) }).strict(),
    z.object({ or: z.array(inner).min(1).max(50) }).strict(),
  ]) as z.ZodType<FilterNode>
}

/** Values in a whole filter tree: beyond this a query would near PostgreSQL's limit of 65,535 parameters. */
export const MAX_FILTER_VALUES = 2_000

const valueCount = (node: FilterNode): number =>
  'and' in node ? node.and.reduce((sum, child) => sum + valueCount(child), 0) : 'or' in node ? node.or.reduce((sum, child) => sum + valueCount(child), 0) : Array.isArray(node.value) ? node.value.length : 1

export const filterSchema = nodeOfDepth(3)

const groupKey = z.union([name, z.object({ bucket: z.enum(BUCKETS), field: name }).strict()])

const aggregation = z
  .object({
    as: name.optional(),
    field: name.optional(),
    fn: z.enum(AGGREGATIONS),
    /** For `ratio`: the field whose sum divides the sum of `field`. */
    over: name.optional(),
    /** Counts or sums only the rows matching this (SQL `FILTER (WHERE …)`). */
    where: nodeOfDepth(2).optional(),
  })
  .strict()
  .refine((value) => value.fn === 'count' || value.field !== undefined, { message: 'This aggregation needs a field.', path: ['field'] })
  .refine((value) => (value.fn === 'ratio') === (value.over !== undefined), { message: '`over` goes with `ratio`, and only with it.', path: ['over'] })

export const reportSpecSchema = z
  .object({
    aggregations: z.array(aggregation).max(20).optional(),
    /** Show money converted into this currency, each row at its own date's exchange rate. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR.').optional(),
    /** The row fields of a listing (no aggregations). Default: every field the caller may read. */
    fields: z.array(name).min(1).max(50).optional(),
    filters: filterSchema.optional(),
    groupBy: z.array(groupKey).max(4).optional(),
    limit: z.number().int().positive().max(2 ** 31 - 1).optional(),
    /** Local dates in the studio's timezone, `to` excluded, on the source's period field (or `field`). */
    period: z
      .object({ field: name.optional(), from: localDate, to: localDate })
      .strict()
      .refine((period) => period.from < period.to, { message: '`from` must come before `to`.', path: ['to'] })
      .optional(),
    sort: z
      .array(z.object({ direction: z.enum(['asc', 'desc']).default('asc'), key: name }).strict())
      .max(5)
      .optional(),
    source: z.enum(SOURCE_NAMES),
    /** The studio. Omitted: the caller's only studio, or every studio for a super admin. */
    tenant: z.number().int().positive().max(2 ** 31 - 1).optional(),
    title: z.string().trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((spec) => (spec.filters ? valueCount(spec.filters) : 0) + (spec.aggregations ?? []).reduce((sum, { where }) => sum + (where ? valueCount(where) : 0), 0) <= MAX_FILTER_VALUES, {
    message: `At most ${MAX_FILTER_VALUES} values in all the filters together.`,
    path: ['filters'],
  })
  .refine((spec) => !(spec.fields && (spec.aggregations?.length || spec.groupBy?.length)), {
    message: '`fields` lists rows; use `groupBy` and `aggregations` for a summary, not both.',
    path: ['fields'],
  })

export type ReportSpec = z.infer<typeof reportSpecSchema>
export type GroupKey = z.infer<typeof groupKey>
export type Aggregation = z.infer<typeof aggregation>
