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

/**
 * Who made a change, as far as the viewer may know: a current member of the studio (with the email when the
 * viewer reads the studio's users), a platform operator, a former member, or no one signed in (the customer,
 * a job, a webhook).
 */
export type ChangeAuthor = 'former_member' | 'member' | 'not_signed_in' | 'operator'

export type StatusChange = { at: string; by: ChangeAuthor; email: null | string; from: null | string; to: string }

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

/** The latest status changes (at most 50), oldest first, from the audit log's entries for the booking. */
async function statusHistory(req: PayloadRequest, booking: Booking, showEmails: boolean): Promise<StatusChange[]> {
  const tenantId = idOf(booking.tenant)
  const { rows } = (await poolDb(req.payload).execute(sql`
    select entry.created_at as at, entry.changes -> 'status' ->> 'from' as "from", entry.changes -> 'status' ->> 'to' as "to",
           account.email, account.super_admin as operator,
           exists (select 1 from users_tenants membership where membership._parent_id = account.id and membership.tenant_id = ${tenantId}) as member
    from audit_logs entry left join users account on account.id = entry.user_id
    where entry.collection = 'bookings' and entry.document_id = ${String(booking.id)} and entry.tenant_id = ${tenantId}
      and entry.changes ? 'status'
    order by entry.created_at desc, entry.id desc
    limit ${HISTORY_LIMIT}`)) as { rows: { at: Date | string; email: null | string; from: null | string; member: boolean; operator: boolean | null; to: string }[] }
  return rows.reverse().map((row) => {
    const by: ChangeAuthor = row.email === null ? 'not_signed_in' : row.member ? 'member' : row.operator ? 'operator' : 'former_member'
    return { at: new Date(row.at).toISOString(), by, email: by === 'member' && showEmails ? row.email : null, from: row.from, to: row.to }
  })
}

export async function bookingActions(req: PayloadRequest, booking: Booking, tenant: Tenant): Promise<BookingActionsAnswer> {
  const holds = async (resource: string, action: string) => isSuperAdmin(req.user) || (await tenantsAllowing(req, resource, action)).includes(String(tenant.id))
  const [confirm, cancel, convert, refund, readsUsers] = await Promise.all([
    holds('bookings', 'confirm'),
    holds('bookings', 'cancel'),
    holds('bookings', 'convert'),
    holds('payments', 'refund'),
    holds('users', 'read'),
  ])
  const history = await statusHistory(req, booking, readsUsers)
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
