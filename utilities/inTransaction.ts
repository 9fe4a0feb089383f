import type { PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { transactionDb } from './transactionDb'
import { lostConnectionOf } from './wholeTransactions'

/**
 * Runs `work` in `req`'s transaction: it commits when `work` returns and rolls back when it throws. Joins
 * (and leaves to its owner) a transaction the request already has.
 *
 * Payload rolls the request's transaction back when any Local API call in it fails, even one whose failure
 * `work` catches (`.catch(() => null)` on a findByID): what `work` wrote before is gone, and what it writes after
 * runs outside any transaction. When that happened because the connection was dropped, this throws the
 * connection's failure (503) rather than answer for writes that were lost; otherwise it says so in the log.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const owns = await initTransaction(req)
  const transactionId = req.transactionID
  const db = owns ? await transactionDb(req) : undefined
  try {
    const result = await work()
    if (owns) {
      if (req.transactionID !== transactionId) {
        const lost = lostConnectionOf(db)
        if (lost) throw lost
        req.payload.logger.warn(`A transaction ended before its work did (a failed call inside it was caught): ${req.method ?? ''} ${req.url ?? ''}`)
      }
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (owns) await killTransaction(req)
    throw error
  }
}
