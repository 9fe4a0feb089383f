// Raw SQL that joins the request's transaction, for hot paths where a Local API call costs too much.
import type { PayloadRequest } from 'payload'

type Executor = { execute: (query: unknown) => Promise<unknown> }
type DrizzleAdapter = { drizzle: Executor; sessions?: Record<string, { db: Executor }> }

/** The drizzle handle of `req`'s open transaction, or the pool when there is none (or none is passed). */
export async function transactionDb(req: Pick<PayloadRequest, 'payload'> & Partial<Pick<PayloadRequest, 'transactionID'>>): Promise<Executor> {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  const transactionId = req.transactionID === undefined ? undefined : await req.transactionID
  return (transactionId !== undefined && transactionId !== null && adapter.sessions?.[String(transactionId)]?.db) || adapter.drizzle
}
