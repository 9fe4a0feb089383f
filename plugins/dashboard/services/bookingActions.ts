// What the booking's document view offers: the staff actions the caller may take in the booking's current status
// (with the refund a cancellation would give now, and what remains refundable), and its status history.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Booking, Tenant } from '../../../payload-types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { idOf } from '../../../utilities/idOf'
import { poolDb } from '../../../utilities/transactionDb'
import { cancellationQuote, canTransition } from '../../booking'
import { refundablePayment } from '../../payments'
import { tenantsAllowing } from '../../rbac'

export type StatusChange = { at: string; by: null | string; from: null | string; to: string }

export type BookingActionsAnswer = {
  /** Present only for an action the caller holds and the status allows. */
  actions: {
    cancel?: { quote: ReturnType<typeof cancellationQuote> }
    confirm?: true
    convert?: true
    refund?: { currency: string; remaining: number }
  }
  currency: string
  history: StatusChange[]
  status: Booking['status']
  timezone: string
}

const HISTORY_LIMIT = 50

/** Every status the booking went through, oldest first, from the audit log's entries for it. */
async function statusHistory(req: PayloadRequest, booking: Booking): Promise<StatusChange[]> {
  const { rows } = (await poolDb(req.payload).execute(sql`
    select entry.created_at as at, entry.changes -> 'status' ->> 'from' as "from", entry.changes -> 'status' ->> 'to' as "to", account.email as by
    from audit_logs entry left join users account on account.id = entry.user_id
    where entry.collection = 'bookings' and entry.document_id = ${String(booking.id)} and entry.tenant_id = ${idOf(booking.tenant)}
      and entry.changes ? 'status'
    order by entry.created_at, entry.id
    limit ${HISTORY_LIMIT}`)) as { rows: { at: Date | string; by: null | string; from: null | string; to: string }[] }
  return rows.map((row) => ({ at: new Date(row.at).toISOString(), by: row.by, from: row.from, to: row.to }))
}

export async function bookingActions(req: PayloadRequest, booking: Booking, tenant: Tenant): Promise<BookingActionsAnswer> {
  const holds = async (resource: string, action: string) => isSuperAdmin(req.user) || (await tenantsAllowing(req, resource, action)).includes(String(tenant.id))
  const [confirm, cancel, convert, refund, history] = await Promise.all([
    holds('bookings', 'confirm'),
    holds('bookings', 'cancel'),
    holds('bookings', 'convert'),
    holds('payments', 'refund'),
    statusHistory(req, booking),
  ])
  const actions: BookingActionsAnswer['actions'] = {}
  if (confirm && canTransition(booking.status, 'confirmed')) actions.confirm = true
  if (convert && canTransition(booking.status, 'converted')) actions.convert = true
  if (cancel && canTransition(booking.status, 'cancelled')) actions.cancel = { quote: cancellationQuote(booking, tenant) }
  if (refund) {
    const payment = await refundablePayment(req, booking.id)
    if (payment) actions.refund = { currency: payment.currency, remaining: payment.amount - (payment.amountRefunded ?? 0) }
  }
  return { actions, currency: booking.currency ?? tenant.defaultCurrency, history, status: booking.status, timezone: tenant.timezone }
}
