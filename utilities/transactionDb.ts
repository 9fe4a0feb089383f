// Raw SQL that joins the request's transaction, for hot paths where a Local API call costs too much.
import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

/** What raw SQL runs on: the pool or a transaction. Callers cast the result to the rows they selected. */
export type Executor = { execute: (query: SQL) => Promise<unknown> }
type DrizzleAdapter = { drizzle: Executor; sessions?: Record<string, { db: Executor }> }

/** The drizzle handle of `req`'s open transaction, or the pool when there is none (or none is passed). */
export async function transactionDb(req: Pick<PayloadRequest, 'payload'> & Partial<Pick<PayloadRequest, 'transactionID'>>): Promise<Executor> {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  const transactionId = req.transactionID === undefined ? undefined : await req.transactionID
  return (transactionId !== undefined && transactionId !== null && adapter.sessions?.[String(transactionId)]?.db) || adapter.drizzle
}

/** The pool itself, for raw SQL that must not join a transaction (or where there is none). */
export const poolDb = (payload: Pick<Payload, 'db'>): Executor => (payload.db as unknown as DrizzleAdapter).drizzle

/**
 * Runs `read` where it sees the latest commit: with read replicas (DATABASE_REPLICA_URLS), Payload's selects
 * outside a transaction go to a replica, so the read runs in a transaction on the primary (joined if `req`
 * already has one). Without replicas it just runs `read`. For a Local API read right after a write that may
 * have happened on another node (raw `execute` always goes to the primary).
 */
export async function readOnPrimary<T>(req: PayloadRequest, read: () => Promise<T>): Promise<T> {
  if (!(req.payload.db as unknown as { primaryDrizzle?: unknown }).primaryDrizzle) return read()
  const started = await initTransaction(req)
  try {
    const result = await read()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
