import type { TaskConfig } from 'payload'

import { expirePendingHolds } from '../services/holds'
import { pruneMailQuota } from '../services/mailQuota'

export const EXPIRE_BOOKING_HOLDS_TASK = 'expireBookingHolds'

/** Every minute: pending public bookings past their hold, unpaid and unconfirmed, free their slot. */
export const expireBookingHoldsTask: TaskConfig = {
  slug: EXPIRE_BOOKING_HOLDS_TASK,
  handler: async ({ req }) => {
    const expired = await expirePendingHolds(req)
    await pruneMailQuota(req.payload)
    return { output: { expired } }
  },
  outputSchema: [{ name: 'expired', type: 'number' }],
  retries: 1,
  schedule: [{ cron: '* * * * *', queue: 'default' }],
}
