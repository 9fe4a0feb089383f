// The holds that wait for a payment: bookings awaiting payment past their hold free their slot, their Checkout
// Session closed first. Pending bookings past their hold are the booking plugin's (`expireBookingHolds`).
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { poolDb } from '../../../utilities/transactionDb'
import { statusChange } from '../../booking'
import { paymentsOptions } from './options'

/** Expires the bookings awaiting payment whose hold ran out, unless Stripe says they were paid at the last moment. Returns how many. */
export async function expireHolds(req: PayloadRequest): Promise<number> {
  const { rows } = (await poolDb(req.payload).execute(sql`select id from bookings where status = 'awaiting_payment' and hold_expires_at < now() order by hold_expires_at limit 200`)) as { rows: { id: number }[] }
  const stripe = paymentsOptions(req.payload).client
  let expired = 0
  for (const { id } of rows) {
    const { docs: open } = await req.payload.find({ collection: 'payments', depth: 0, overrideAccess: true, req, where: { and: [{ booking: { equals: id } }, { status: { equals: 'open' } }] } })
    let paidMeanwhile = false
    for (const payment of open) {
      const session = await stripe?.checkout.sessions.expire(payment.checkoutSessionId).catch(async () => stripe.checkout.sessions.retrieve(payment.checkoutSessionId))
      // Paid at the last moment: the webhook confirms it; do not release the slot under it.
      if (session?.payment_status === 'paid') paidMeanwhile = true
      else await req.payload.update({ id: payment.id, collection: 'payments', data: { status: 'expired' }, depth: 0, overrideAccess: true, req })
    }
    if (paidMeanwhile) continue
    await req.payload.update({ id, collection: 'bookings', context: statusChange('expired'), data: { holdExpiresAt: null, status: 'expired' }, depth: 0, overrideAccess: true, req })
    expired += 1
  }
  return expired
}
