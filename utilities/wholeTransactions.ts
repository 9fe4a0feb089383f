// Payload's transactions on PostgreSQL, made to tell the truth when a connection dies. In Payload 3.88
// (@payloadcms/drizzle/dist/transactions/*.js) a transaction is drizzle's `transaction(callback)` held open by a
// promise; that promise's failure is caught once the transaction has begun, and commitTransaction swallows what
// is left: a COMMIT that fails (the connection dropped just before it) is reported as a success, so the write is
// acknowledged and lost. A `begin` that fails keeps its connection checked out forever. (Payload's fix is PR
// #17726, not released.) Here a transaction is its own connection, with BEGIN, COMMIT and ROLLBACK sent by us.
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { sql } from '@payloadcms/db-postgres'
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres'
import { randomUUID } from 'node:crypto'

type TransactionId = number | string
type Session = { db: unknown; reject: () => Promise<void>; resolve: () => Promise<void> }
type SessionArgs = ConstructorParameters<typeof NodePgSession>
/** The adapter's drizzle session over the pool: what a session over one connection is made from. */
type BaseSession = { dialect: SessionArgs[1]; options: SessionArgs[3]; schema: SessionArgs[2] }
type TransactionAdapter = {
  beginTransaction: (options?: unknown) => Promise<null | TransactionId>
  commitTransaction: (id: null | Promise<null | TransactionId> | TransactionId) => Promise<void>
  drizzle?: { session?: BaseSession }
  initializing?: Promise<void>
  pool?: { connect: () => Promise<PoolClient> }
  sessions: Record<string, Session>
  transactionOptions?: false | Record<string, unknown>
}

// The first error each transaction's connection reported, by the transaction's drizzle handle (`sessions[id].db`).
const lostConnections = new WeakMap<object, Error>()

/**
 * The error that ended the connection under `db` (a transaction's handle, as `transactionDb` gives it), if it
 * died: Payload kills a request's transaction when one of its queries fails, so this is how a caller that saw
 * only the outcome (a validation that caught the failure) learns that the database was the cause.
 */
export const lostConnectionOf = (db: unknown): Error | undefined => (db && typeof db === 'object' ? lostConnections.get(db) : undefined)

/** What COMMIT answers for a transaction that a failed statement had already aborted: PostgreSQL rolled it back. */
export class RolledBackAtCommitError extends Error {
  constructor() {
    super('The transaction was rolled back at COMMIT: one of its statements had failed.')
    this.name = 'RolledBackAtCommitError'
  }
}

/**
 * Replaces the adapter's beginTransaction and commitTransaction (rollbackTransaction stays Payload's): a COMMIT
 * that fails, or that PostgreSQL turns into a ROLLBACK, rejects, so the operation fails and nothing is
 * acknowledged that was not stored; a connection that failed is destroyed, never handed to the next caller.
 * Nothing changes while the database answers.
 */
export function surfaceCommitFailures(payload: Payload): void {
  const adapter = payload.db as unknown as TransactionAdapter
  const base = adapter.drizzle?.session
  const pool = adapter.pool
  // Transactions turned off: leave Payload's. With read replicas `drizzle.session` is still the primary's.
  if (adapter.transactionOptions === false || !base || !pool) return

  adapter.beginTransaction = async (options) => {
    await adapter.initializing
    const client = await pool.connect()
    const tx = new NodePgTransaction(base.dialect, new NodePgSession(client, base.dialect, base.schema, base.options), base.schema)
    // The connection may die between two statements, while it is ours: heard here, its next statement fails.
    const noteDrop = (error: Error) => {
      if (!lostConnections.has(tx)) lostConnections.set(tx, error)
    }
    client.on('error', noteDrop)
    const release = (error?: unknown) => {
      client.removeListener('error', noteDrop)
      client.release(error === undefined ? undefined : error instanceof Error ? error : new Error(String(error)))
    }
    const config = options ?? adapter.transactionOptions
    try {
      const mode = config ? (tx as unknown as { getTransactionConfigSQL: (config: unknown) => ReturnType<typeof sql> }).getTransactionConfigSQL(config) : undefined
      await tx.execute(mode ? sql`begin ${mode}` : sql`begin`)
    } catch (error) {
      release(error)
      throw error
    }
    let ended = false
    const id = randomUUID()
    adapter.sessions[id] = {
      db: tx,
      // Best effort: on a dead connection the server has rolled back already.
      reject: async () => {
        if (ended) return
        ended = true
        try {
          await tx.execute(sql`rollback`)
          release()
        } catch (error) {
          release(error)
        }
      },
      resolve: async () => {
        if (ended) return
        ended = true
        let answer: unknown
        try {
          answer = await tx.execute(sql`commit`)
        } catch (error) {
          await tx.execute(sql`rollback`).catch(() => undefined)
          release(error)
          throw error
        }
        release()
        if ((answer as { command?: string }).command === 'ROLLBACK') throw new RolledBackAtCommitError()
      },
    }
    return id
  }

  adapter.commitTransaction = async (incomingId) => {
    const id = incomingId instanceof Promise ? await incomingId : incomingId
    const session = id === null ? undefined : adapter.sessions[String(id)]
    if (!session) return
    // Gone from the registry first, as in Payload's: nothing else may use it while it ends.
    delete adapter.sessions[String(id)]
    await session.resolve()
  }
}
