import type { CollectionBeforeOperationHook } from 'payload'

const SERVER_OWNED = ['createdAt', 'updatedAt'] as const

/**
 * `createdAt` and `updatedAt` are the server's: a client that back-dates a document could win an
 * ordering it should lose (the newest role once won a slug). Dropped from the body of every create
 * and update that goes through access control; trusted server code (overrideAccess) keeps them.
 */
export const dropServerTimestamps: CollectionBeforeOperationHook = ({ args, operation, overrideAccess }) => {
  if (overrideAccess || (operation !== 'create' && operation !== 'update')) return args
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object' || !SERVER_OWNED.some((key) => key in data)) return args
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !(SERVER_OWNED as readonly string[]).includes(key)))
  return { ...args, data: kept }
}
