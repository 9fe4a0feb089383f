// The terms a booking is made under: its room's policy, else the studio's default, else house terms.
// Bookings keep a copy, so later policy edits never change what a customer agreed to.
import type { PayloadRequest } from 'payload'

import type { BookingPolicy, Room } from '../../../payload-types'
import type { CancellationTier, DepositRule } from './money'

import { idOf } from '../../../utilities/idOf'

export type BookingTerms = {
  autoConfirmOnDeposit: boolean
  deposit: DepositRule
  holdMinutes: number
  policyId: null | number
  tiers: CancellationTier[]
}

export const HOUSE_TERMS: BookingTerms = {
  autoConfirmOnDeposit: true,
  deposit: { depositPercent: 30, depositType: 'percentage' },
  holdMinutes: 30,
  policyId: null,
  tiers: [
    { noticeAmount: 7, noticeUnit: 'days', refundPercent: 100 },
    { noticeAmount: 48, noticeUnit: 'hours', refundPercent: 50 },
  ],
}

export function termsOf(policy: BookingPolicy): BookingTerms {
  return {
    autoConfirmOnDeposit: policy.autoConfirmOnDeposit ?? true,
    deposit:
      policy.depositType === 'fixed'
        ? { depositAmount: policy.depositAmount ?? 0, depositType: 'fixed' }
        : { depositPercent: policy.depositPercent ?? 0, depositType: 'percentage' },
    holdMinutes: policy.holdMinutes,
    policyId: policy.id,
    tiers: (policy.cancellationTiers ?? []).map(({ noticeAmount, noticeUnit, refundPercent }) => ({ noticeAmount, noticeUnit, refundPercent })),
  }
}

export async function termsForRoom(req: PayloadRequest, room: Room): Promise<BookingTerms> {
  const tenantId = idOf(room.tenant)
  if (room.policy) {
    const own = await req.payload.findByID({ id: idOf(room.policy), collection: 'booking-policies', depth: 0, disableErrors: true, overrideAccess: true, req })
    if (own) return termsOf(own)
  }
  const { docs } = await req.payload.find({
    collection: 'booking-policies',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ tenant: { equals: tenantId } }, { isDefault: { equals: true } }] },
  })
  return docs[0] ? termsOf(docs[0]) : HOUSE_TERMS
}
