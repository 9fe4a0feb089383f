// Raw SQL that joins the request's transaction, for hot paths where a Local API call costs too much.
import type { SQL } from 'drizzle-orm'
import type { Payload, PayloadRequest } from 'payload'

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
