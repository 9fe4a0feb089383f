// The one registry of what reports can reach: each source's table (with the joins its fields need) and its
// fields as SQL expressions the compiler writes, never names taken from a request. A field missing here does
// not exist for reports. Across studios the compiler joins each row's studio as `t` (its name and timezone).
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { ColumnType } from '../types'

import { occupancySource } from './occupancy'

export type FieldDef = {
  /** Money in minor units of the currency this expression gives, per row. */
  currency?: SQL
  expression: SQL
  /** May be a group key (and counted distinct). */
  groupable: boolean
  label: string
  /** Personal data: reachable only with `reports:read-personal`. */
  personal?: boolean
  type: ColumnType
  /** The allowed values of an enumerated field, checked in filters. */
  values?: readonly string[]
}

export type FromContext = { period?: { from: string; to: string }; tenantId: null | number }

export type SourceDef = {
  /**
   * The collections whose rows the source shows: each must exist (billing's credit ledger may not), and the
   * caller needs read on each one's RBAC resource, so that reports never show more than the collections would.
   */
  collections: string[]
  fields: Record<string, FieldDef>
  /** The table and its joins, or a function of the studio and period (for subqueries that must be scoped too). */
  from: ((context: FromContext) => SQL) | SQL
  /** The period makes the rows (occupancy's weeks): required, and not a condition on them. */
  periodMakesRows?: boolean
  /** The date whose exchange rate converts the source's money (its transaction date). */
  moneyDate?: SQL
  /** The field a report's period applies to by default. */
  periodField: string
  tenantColumn: SQL
}

const BOOKING_STATUSES = ['pending', 'awaiting_payment', 'confirmed', 'completed', 'cancelled', 'expired', 'converted'] as const

const field = (label: string, type: ColumnType, expression: SQL, extra: Partial<FieldDef> = {}): FieldDef => ({
  expression,
  groupable: type !== 'datetime',
  label,
  type,
  ...extra,
})
const money = (label: string, expression: SQL, currency: SQL): FieldDef => field(label, 'money', expression, { currency, groupable: false })
const enumerated = (label: string, expression: SQL, values: readonly string[]): FieldDef => field(label, 'string', sql`${expression}::text`, { values })
const hours = (start: SQL, end: SQL) => sql`round(extract(epoch from (${end} - ${start})) / 3600, 4)`

const room = { room: field('Room', 'string', sql`r.name`), roomId: field('Room id', 'number', sql`r.id`) }

export const SOURCES: Record<string, SourceDef> = {
  bookings: {
    fields: {
      amountPaid: money('Amount paid', sql`b.amount_paid`, sql`b.currency`),
      createdAt: field('Booked at', 'datetime', sql`b.created_at`),
      currency: field('Currency', 'string', sql`b.currency`),
      customerEmail: field('Customer email', 'string', sql`lower(b.customer_email)`, { personal: true }),
      customerName: field('Customer name', 'string', sql`b.customer_name`, { personal: true }),
      customerPhone: field('Customer phone', 'string', sql`b.customer_phone`, { groupable: false, personal: true }),
      deposit: money('Deposit', sql`b.deposit`, sql`b.currency`),
      end: field('End', 'datetime', sql`b."end"`),
      hours: field('Hours', 'number', hours(sql`b.start`, sql`b."end"`), { groupable: false }),
      id: field('Booking id', 'number', sql`b.id`, { groupable: false }),
      price: money('Price', sql`b.price`, sql`b.currency`),
      ref: field('Reference', 'string', sql`b.ref`, { groupable: false }),
      refunded: money('Refunded', sql`coalesce(rs.amount, 0)`, sql`b.currency`),
      source: enumerated('Source', sql`b.source`, ['public', 'staff']),
      start: field('Start', 'datetime', sql`b.start`),
      status: enumerated('Status', sql`b.status`, BOOKING_STATUSES),
      ...room,
    },
    // Succeeded refunds per booking, summed once and hash-joined (PostgreSQL drops the join when no field uses it).
    from: ({ tenantId }) => sql`bookings b left join rooms r on r.id = b.room_id
      left join (
        select x.booking_id, sum(x.amount) as amount from refunds x
        where x.status = 'succeeded'${tenantId === null ? sql`` : sql` and x.tenant_id = ${tenantId}`} group by x.booking_id
      ) rs on rs.booking_id = b.id`,
    moneyDate: sql`b.created_at`,
    periodField: 'start',
    collections: ['bookings'],
    tenantColumn: sql`b.tenant_id`,
  },
  sessions: {
    fields: {
      artist: field('Artist', 'string', sql`a.name`),
      bookingId: field('Booking id', 'number', sql`se.booking_id`, { groupable: false }),
      createdAt: field('Created at', 'datetime', sql`se.created_at`),
      end: field('End', 'datetime', sql`se."end"`),
      hours: field('Hours', 'number', hours(sql`se.start`, sql`se."end"`), { groupable: false }),
      id: field('Session id', 'number', sql`se.id`, { groupable: false }),
      start: field('Start', 'datetime', sql`se.start`),
      status: enumerated('Status', sql`se.status`, ['scheduled', 'in_progress', 'completed', 'cancelled']),
      ...room,
    },
    from: sql`sessions se left join rooms r on r.id = se.room_id left join artists a on a.id = se.artist_id`,
    periodField: 'start',
    collections: ['sessions'],
    tenantColumn: sql`se.tenant_id`,
  },
  payments: {
    fields: {
      amount: money('Amount', sql`p.amount`, sql`p.currency`),
      amountRefunded: money('Refunded', sql`coalesce(p.amount_refunded, 0)`, sql`p.currency`),
      bookingRef: field('Booking', 'string', sql`b.ref`, { groupable: false }),
      createdAt: field('Created at', 'datetime', sql`p.created_at`),
      currency: field('Currency', 'string', sql`p.currency`),
      id: field('Payment id', 'number', sql`p.id`, { groupable: false }),
      paidAt: field('Paid at', 'datetime', sql`p.paid_at`),
      status: enumerated('Status', sql`p.status`, ['open', 'paid', 'expired', 'failed']),
      ...room,
    },
    from: sql`payments p left join bookings b on b.id = p.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`coalesce(p.paid_at, p.created_at)`,
    periodField: 'paidAt',
    collections: ['payments'],
    tenantColumn: sql`p.tenant_id`,
  },
  refunds: {
    fields: {
      amount: money('Amount', sql`rf.amount`, sql`rf.currency`),
      bookingRef: field('Booking', 'string', sql`b.ref`, { groupable: false }),
      createdAt: field('Created at', 'datetime', sql`rf.created_at`),
      currency: field('Currency', 'string', sql`rf.currency`),
      id: field('Refund id', 'number', sql`rf.id`, { groupable: false }),
      reason: enumerated('Reason', sql`rf.reason`, ['cancellation', 'staff', 'late_payment', 'stripe']),
      status: enumerated('Status', sql`rf.status`, ['pending', 'succeeded', 'failed']),
      ...room,
    },
    from: sql`refunds rf left join bookings b on b.id = rf.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`rf.created_at`,
    periodField: 'createdAt',
    collections: ['refunds'],
    tenantColumn: sql`rf.tenant_id`,
  },
  // Money in and out as one signed ledger: paid deposits (every payment is a booking's deposit) and succeeded refunds.
  revenue: {
    fields: {
      amount: money('Amount', sql`m.amount`, sql`m.currency`),
      at: field('At', 'datetime', sql`m.at`),
      bookingRef: field('Booking', 'string', sql`b.ref`, { groupable: false }),
      currency: field('Currency', 'string', sql`m.currency`),
      kind: enumerated('Kind', sql`m.kind`, ['deposit', 'refund']),
      ...room,
    },
    from: sql`(
        select p.tenant_id, 'deposit' as kind, p.amount, p.currency, p.paid_at as at, p.booking_id from payments p where p.status = 'paid'
        union all
        select x.tenant_id, 'refund', -x.amount, x.currency, x.created_at, x.booking_id from refunds x where x.status = 'succeeded'
      ) m left join bookings b on b.id = m.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`m.at`,
    periodField: 'at',
    collections: ['payments', 'refunds'],
    tenantColumn: sql`m.tenant_id`,
  },
  rooms: {
    fields: {
      active: field('Active', 'boolean', sql`r.active`),
      capacity: field('Capacity', 'number', sql`r.capacity`),
      createdAt: field('Created at', 'datetime', sql`r.created_at`),
      hourlyRate: money('Hourly rate', sql`r.hourly_rate`, sql`(select s.default_currency from tenants s where s.id = r.tenant_id)`),
      id: field('Room id', 'number', sql`r.id`, { groupable: false }),
      name: field('Name', 'string', sql`r.name`),
    },
    from: sql`rooms r`,
    periodField: 'createdAt',
    collections: ['rooms'],
    tenantColumn: sql`r.tenant_id`,
  },
  'audit-logs': {
    fields: {
      action: field('Action', 'string', sql`al.action`),
      actor: field('Actor', 'string', sql`al.actor`, { personal: true }),
      collection: field('Collection', 'string', sql`al.collection`),
      createdAt: field('At', 'datetime', sql`al.created_at`),
      documentId: field('Document', 'string', sql`al.document_id`, { groupable: false }),
      id: field('Entry id', 'number', sql`al.id`, { groupable: false }),
      ip: field('IP address', 'string', sql`al.ip`, { personal: true }),
      riskScore: field('Risk score', 'number', sql`coalesce(al.risk_score, 0)`),
      userId: field('User id', 'number', sql`al.user_id`),
    },
    from: sql`audit_logs al`,
    periodField: 'createdAt',
    collections: ['audit-logs'],
    tenantColumn: sql`al.tenant_id`,
  },
  'credit-ledger': {
    fields: {
      amount: field('Credits', 'number', sql`cl.amount`, { groupable: false }),
      createdAt: field('At', 'datetime', sql`cl.created_at`),
      expiresAt: field('Expires at', 'datetime', sql`cl.expires_at`),
      id: field('Entry id', 'number', sql`cl.id`, { groupable: false }),
      kind: enumerated('Kind', sql`cl.kind`, ['grant', 'purchase', 'spend', 'refund', 'expire', 'adjust']),
      reference: field('Reference', 'string', sql`cl.reference`, { groupable: false }),
      userId: field('User id', 'number', sql`cl.user_id`),
    },
    from: sql`credit_ledger cl`,
    periodField: 'createdAt',
    collections: ['credit-ledger'],
    tenantColumn: sql`cl.tenant_id`,
  },
}

SOURCES.occupancy = occupancySource

export const SOURCE_NAMES = Object.keys(SOURCES) as [string, ...string[]]
