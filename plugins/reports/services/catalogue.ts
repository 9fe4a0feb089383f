// Each report source's fields as plain data (label, type, whether it groups, whether it is personal, the values
// of an enumerated one), with no SQL, so that the browser's form reads the same list the server checks against.
// sources.ts adds each field's SQL; a field in one and not the other stops the server at start.
import type { ColumnType } from '../types'

export type CatalogueField = {
  groupable: boolean
  label: string
  /** Personal data: the server answers 403 without `reports:read-personal`. */
  personal: boolean
  type: ColumnType
  /** The allowed values of an enumerated field. */
  values?: readonly string[]
}

export type CatalogueSource = {
  fields: Record<string, CatalogueField>
  /** The period makes this source's rows (occupancy's weeks): a report of it needs a period. */
  needsPeriod: boolean
  /** The field a report's period applies to. */
  periodField: string
}

// The spec's vocabulary (spec.ts re-exports it): here, so that the browser needs no server module.
export const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn', 'contains', 'startsWith', 'isNull', 'notNull'] as const
export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const
export const AGGREGATIONS = ['count', 'sum', 'avg', 'min', 'max', 'countDistinct', 'ratio'] as const

export type Operator = (typeof OPERATORS)[number]
export type Bucket = (typeof BUCKETS)[number]
export type AggregationFn = (typeof AGGREGATIONS)[number]

const BOOKING_STATUSES = ['pending', 'awaiting_payment', 'confirmed', 'completed', 'cancelled', 'expired', 'converted'] as const

const field = (label: string, type: ColumnType, extra: Partial<CatalogueField> = {}): CatalogueField => ({
  groupable: type !== 'datetime',
  label,
  personal: false,
  type,
  ...extra,
})
const money = (label: string) => field(label, 'money', { groupable: false })
const enumerated = (label: string, values: readonly string[]) => field(label, 'string', { values })
const listed = (fields: Record<string, CatalogueField>, periodField: string): CatalogueSource => ({ fields, needsPeriod: false, periodField })

const room = { room: field('Room', 'string'), roomId: field('Room id', 'number') }

export const REPORT_CATALOGUE: Record<string, CatalogueSource> = {
  bookings: listed(
    {
      amountPaid: money('Amount paid'),
      createdAt: field('Booked at', 'datetime'),
      currency: field('Currency', 'string'),
      customerEmail: field('Customer email', 'string', { personal: true }),
      customerName: field('Customer name', 'string', { personal: true }),
      customerPhone: field('Customer phone', 'string', { groupable: false, personal: true }),
      deposit: money('Deposit'),
      end: field('End', 'datetime'),
      hours: field('Hours', 'number', { groupable: false }),
      id: field('Booking id', 'number', { groupable: false }),
      price: money('Price'),
      ref: field('Reference', 'string', { groupable: false }),
      refunded: money('Refunded'),
      source: enumerated('Source', ['public', 'staff']),
      start: field('Start', 'datetime'),
      status: enumerated('Status', BOOKING_STATUSES),
      ...room,
    },
    'start',
  ),
  sessions: listed(
    {
      artist: field('Artist', 'string'),
      bookingId: field('Booking id', 'number', { groupable: false }),
      createdAt: field('Created at', 'datetime'),
      end: field('End', 'datetime'),
      hours: field('Hours', 'number', { groupable: false }),
      id: field('Session id', 'number', { groupable: false }),
      start: field('Start', 'datetime'),
      status: enumerated('Status', ['scheduled', 'in_progress', 'completed', 'cancelled']),
      ...room,
    },
    'start',
  ),
  payments: listed(
    {
      amount: money('Amount'),
      amountRefunded: money('Refunded'),
      bookingRef: field('Booking', 'string', { groupable: false }),
      createdAt: field('Created at', 'datetime'),
      currency: field('Currency', 'string'),
      id: field('Payment id', 'number', { groupable: false }),
      paidAt: field('Paid at', 'datetime'),
      status: enumerated('Status', ['open', 'paid', 'expired', 'failed']),
      ...room,
    },
    'paidAt',
  ),
  refunds: listed(
    {
      amount: money('Amount'),
      bookingRef: field('Booking', 'string', { groupable: false }),
      createdAt: field('Created at', 'datetime'),
      currency: field('Currency', 'string'),
      id: field('Refund id', 'number', { groupable: false }),
      reason: enumerated('Reason', ['cancellation', 'staff', 'late_payment', 'stripe']),
      status: enumerated('Status', ['pending', 'succeeded', 'failed']),
      ...room,
    },
    'createdAt',
  ),
  revenue: listed(
    {
      amount: money('Amount'),
      at: field('At', 'datetime'),
      bookingRef: field('Booking', 'string', { groupable: false }),
      currency: field('Currency', 'string'),
      kind: enumerated('Kind', ['deposit', 'refund']),
      ...room,
    },
    'at',
  ),
  rooms: listed(
    {
      active: field('Active', 'boolean'),
      capacity: field('Capacity', 'number'),
      createdAt: field('Created at', 'datetime'),
      hourlyRate: money('Hourly rate'),
      id: field('Room id', 'number', { groupable: false }),
      name: field('Name', 'string'),
    },
    'createdAt',
  ),
  'audit-logs': listed(
    {
      action: field('Action', 'string'),
      actor: field('Actor', 'string', { personal: true }),
      collection: field('Collection', 'string'),
      createdAt: field('At', 'datetime'),
      documentId: field('Document', 'string', { groupable: false }),
      id: field('Entry id', 'number', { groupable: false }),
      ip: field('IP address', 'string', { personal: true }),
      riskScore: field('Risk score', 'number'),
      userId: field('User id', 'number'),
    },
    'createdAt',
  ),
  'credit-ledger': listed(
    {
      amount: field('Credits', 'number', { groupable: false }),
      createdAt: field('At', 'datetime'),
      expiresAt: field('Expires at', 'datetime'),
      id: field('Entry id', 'number', { groupable: false }),
      kind: enumerated('Kind', ['grant', 'purchase', 'spend', 'refund', 'expire', 'adjust']),
      reference: field('Reference', 'string', { groupable: false }),
      userId: field('User id', 'number'),
    },
    'createdAt',
  ),
  occupancy: {
    fields: {
      bookedHours: field('Booked hours', 'number', { groupable: false }),
      openHours: field('Open hours', 'number', { groupable: false }),
      room: field('Room', 'string'),
      roomId: field('Room id', 'number'),
      week: field('Week', 'datetime'),
    },
    needsPeriod: true,
    periodField: 'week',
  },
}

export const CATALOGUE_SOURCES = Object.keys(REPORT_CATALOGUE)
