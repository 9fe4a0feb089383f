// The one registry of what reports can reach: each source's table (with the joins its fields need) and its
// fields as SQL expressions the compiler writes, never names taken from a request; their labels, types and
// flags are the catalogue's (catalogue.ts, which the browser reads too). A field missing here does not exist
// for reports. Across studios the compiler joins each row's studio as `t` (its name and timezone).
import type { SQL } from 'drizzle-orm'

import { sql } from '@payloadcms/db-postgres'

import type { CatalogueField } from './catalogue'

import { REPORT_CATALOGUE } from './catalogue'
import { occupancySql } from './occupancy'

/** A field: its catalogue entry (label, type, grouping, personal, values) and its SQL. */
export type FieldDef = CatalogueField & FieldSql

/** A field's SQL: its expression, and for money the expression of its currency (minor units, per row). */
export type FieldSql = { currency?: SQL; expression: SQL }

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

const column = (expression: SQL): FieldSql => ({ expression })
const money = (expression: SQL, currency: SQL): FieldSql => ({ currency, expression })
// Enumerated columns compare and group as text (their values are checked against the catalogue's list).
const enumerated = (expression: SQL): FieldSql => ({ expression: sql`${expression}::text` })
const hours = (start: SQL, end: SQL) => column(sql`round(extract(epoch from (${end} - ${start})) / 3600, 4)`)

const room = { room: column(sql`r.name`), roomId: column(sql`r.id`) }

export type SourceSql = Omit<SourceDef, 'fields' | 'periodField' | 'periodMakesRows'> & { fields: Record<string, FieldSql> }

const SOURCE_SQL: Record<string, SourceSql> = {
  bookings: {
    fields: {
      amountPaid: money(sql`b.amount_paid`, sql`b.currency`),
      createdAt: column(sql`b.created_at`),
      currency: column(sql`b.currency`),
      customerEmail: column(sql`lower(b.customer_email)`),
      customerName: column(sql`b.customer_name`),
      customerPhone: column(sql`b.customer_phone`),
      deposit: money(sql`b.deposit`, sql`b.currency`),
      end: column(sql`b."end"`),
      hours: hours(sql`b.start`, sql`b."end"`),
      id: column(sql`b.id`),
      price: money(sql`b.price`, sql`b.currency`),
      ref: column(sql`b.ref`),
      refunded: money(sql`coalesce(rs.amount, 0)`, sql`b.currency`),
      source: enumerated(sql`b.source`),
      start: column(sql`b.start`),
      status: enumerated(sql`b.status`),
      ...room,
    },
    // Succeeded refunds per booking, summed once and hash-joined (PostgreSQL drops the join when no field uses it).
    from: ({ tenantId }) => sql`bookings b left join rooms r on r.id = b.room_id
      left join (
        select x.booking_id, sum(x.amount) as amount from refunds x
        where x.status = 'succeeded'${tenantId === null ? sql`` : sql` and x.tenant_id = ${tenantId}`} group by x.booking_id
      ) rs on rs.booking_id = b.id`,
    moneyDate: sql`b.created_at`,
    collections: ['bookings'],
    tenantColumn: sql`b.tenant_id`,
  },
  sessions: {
    fields: {
      artist: column(sql`a.name`),
      bookingId: column(sql`se.booking_id`),
      createdAt: column(sql`se.created_at`),
      end: column(sql`se."end"`),
      hours: hours(sql`se.start`, sql`se."end"`),
      id: column(sql`se.id`),
      start: column(sql`se.start`),
      status: enumerated(sql`se.status`),
      ...room,
    },
    from: sql`sessions se left join rooms r on r.id = se.room_id left join artists a on a.id = se.artist_id`,
    collections: ['sessions'],
    tenantColumn: sql`se.tenant_id`,
  },
  payments: {
    fields: {
      amount: money(sql`p.amount`, sql`p.currency`),
      amountRefunded: money(sql`coalesce(p.amount_refunded, 0)`, sql`p.currency`),
      bookingRef: column(sql`b.ref`),
      createdAt: column(sql`p.created_at`),
      currency: column(sql`p.currency`),
      id: column(sql`p.id`),
      paidAt: column(sql`p.paid_at`),
      status: enumerated(sql`p.status`),
      ...room,
    },
    from: sql`payments p left join bookings b on b.id = p.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`coalesce(p.paid_at, p.created_at)`,
    collections: ['payments'],
    tenantColumn: sql`p.tenant_id`,
  },
  refunds: {
    fields: {
      amount: money(sql`rf.amount`, sql`rf.currency`),
      bookingRef: column(sql`b.ref`),
      createdAt: column(sql`rf.created_at`),
      currency: column(sql`rf.currency`),
      id: column(sql`rf.id`),
      reason: enumerated(sql`rf.reason`),
      status: enumerated(sql`rf.status`),
      ...room,
    },
    from: sql`refunds rf left join bookings b on b.id = rf.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`rf.created_at`,
    collections: ['refunds'],
    tenantColumn: sql`rf.tenant_id`,
  },
  // Money in and out as one signed ledger: paid deposits (every payment is a booking's deposit) and succeeded refunds.
  revenue: {
    fields: {
      amount: money(sql`m.amount`, sql`m.currency`),
      at: column(sql`m.at`),
      bookingRef: column(sql`b.ref`),
      currency: column(sql`m.currency`),
      kind: enumerated(sql`m.kind`),
      ...room,
    },
    from: sql`(
        select p.tenant_id, 'deposit' as kind, p.amount, p.currency, p.paid_at as at, p.booking_id from payments p where p.status = 'paid'
        union all
        select x.tenant_id, 'refund', -x.amount, x.currency, x.created_at, x.booking_id from refunds x where x.status = 'succeeded'
      ) m left join bookings b on b.id = m.booking_id left join rooms r on r.id = b.room_id`,
    moneyDate: sql`m.at`,
    collections: ['payments', 'refunds'],
    tenantColumn: sql`m.tenant_id`,
  },
  rooms: {
    fields: {
      active: column(sql`r.active`),
      capacity: column(sql`r.capacity`),
      createdAt: column(sql`r.created_at`),
      hourlyRate: money(sql`r.hourly_rate`, sql`(select s.default_currency from tenants s where s.id = r.tenant_id)`),
      id: column(sql`r.id`),
      name: column(sql`r.name`),
    },
    from: sql`rooms r`,
    collections: ['rooms'],
    // A room's rate is today's price: it converts at today's rates.
    moneyDate: sql`now()`,
    tenantColumn: sql`r.tenant_id`,
  },
  'audit-logs': {
    fields: {
      action: column(sql`al.action`),
      actor: column(sql`al.actor`),
      collection: column(sql`al.collection`),
      createdAt: column(sql`al.created_at`),
      documentId: column(sql`al.document_id`),
      id: column(sql`al.id`),
      ip: column(sql`al.ip`),
      riskScore: column(sql`coalesce(al.risk_score, 0)`),
      userId: column(sql`al.user_id`),
    },
    from: sql`audit_logs al`,
    collections: ['audit-logs'],
    tenantColumn: sql`al.tenant_id`,
  },
  'credit-ledger': {
    fields: {
      amount: column(sql`cl.amount`),
      createdAt: column(sql`cl.created_at`),
      expiresAt: column(sql`cl.expires_at`),
      id: column(sql`cl.id`),
      kind: enumerated(sql`cl.kind`),
      reference: column(sql`cl.reference`),
      userId: column(sql`cl.user_id`),
    },
    from: sql`credit_ledger cl`,
    collections: ['credit-ledger'],
    tenantColumn: sql`cl.tenant_id`,
  },
}

SOURCE_SQL.occupancy = occupancySql

/** The catalogue's metadata and this file's SQL, field by field: a field declared in one and not the other is a startup error. */
function withCatalogue(name: string, source: SourceSql): SourceDef {
  const catalogue = REPORT_CATALOGUE[name]
  if (!catalogue) throw new Error(`Report source "${name}" is not in the catalogue.`)
  const names = new Set([...Object.keys(catalogue.fields), ...Object.keys(source.fields)])
  const fields: Record<string, FieldDef> = {}
  for (const field of names) {
    const meta = catalogue.fields[field]
    const fieldSql = source.fields[field]
    if (!meta || !fieldSql) throw new Error(`Report field ${name}.${field} needs both its catalogue entry and its SQL.`)
    fields[field] = { ...meta, ...fieldSql }
  }
  return { ...source, fields, periodField: catalogue.periodField, periodMakesRows: catalogue.needsPeriod }
}

export const SOURCES: Record<string, SourceDef> = Object.fromEntries(Object.entries(SOURCE_SQL).map(([name, source]) => [name, withCatalogue(name, source)]))

export const SOURCE_NAMES = Object.keys(SOURCES) as [string, ...string[]]
