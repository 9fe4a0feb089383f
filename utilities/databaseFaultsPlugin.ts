// What a dropped database connection must not be taken for: a bad request, or a write that was stored. Listed
// last among the plugins, so that it sees every field the others added.
import type {
  AuthStrategy,
  AuthStrategyFunctionArgs,
  CollectionConfig,
  Config,
  Endpoint,
  Field,
  Payload,
  PayloadRequest,
  PayloadHandler,
  Plugin,
  Validate,
} from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { relationship, upload } from 'payload/shared'

import { databasePort, isDatabaseUnavailable, noteUncheckedCredentials } from './databaseFaults'
import { poolDb, readOnPrimary, transactionDb } from './transactionDb'
import { lostConnectionOf, surfaceCommitFailures } from './wholeTransactions'

type ValidateOptions = Parameters<Validate>[1]

/**
 * Payload checks a relationship with `filterOptions` by querying the allowed documents, and when that query
 * fails (the request's connection was dropped) it logs the error, kills the request's transaction and calls the
 * value invalid: the client got a 400 for the database's failure. When a value is refused, this looks whether
 * the transaction's connection died meanwhile (or, outside a transaction, whether the pool still answers a
 * `select 1`) and throws that failure instead: 503 `database_unavailable`.
 */
const refusedOnlyByAnAnsweringDatabase =
  (validate: Validate): Validate =>
  async (value, options: ValidateOptions) => {
    const { req } = options
    const inTransaction = req.transactionID !== undefined
    const db = await transactionDb(req)
    const verdict = await validate(value, options)
    if (verdict === true || options.event === 'onChange') return verdict
    const lost = inTransaction ? lostConnectionOf(db) : undefined
    if (lost) throw lost
    if (!inTransaction) {
      try {
        await poolDb(req.payload).execute(sql`select 1`)
      } catch (error) {
        if (isDatabaseUnavailable(error, { port: databasePort(req.payload) })) throw error
      }
    }
    return verdict
  }

/** Payload's own validation of a field that has none of its own, as its sanitizer would install it. */
const payloadValidation = (field: Field & { type: 'relationship' | 'upload' }): Validate => {
  const validation = (field.type === 'upload' ? upload : relationship) as Validate
  return (value, options) => validation(value, { ...field, ...options } as ValidateOptions)
}

function guardRelationChecks(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ((field.type === 'relationship' || field.type === 'upload') && field.filterOptions) {
      return { ...field, validate: refusedOnlyByAnAnsweringDatabase((field.validate as Validate | undefined) ?? payloadValidation(field)) } as Field
    }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: guardRelationChecks(tab.fields) })) }
    if (field.type === 'blocks') {
      return { ...field, blocks: (field.blocks ?? []).map((block) => ({ ...block, fields: guardRelationChecks(block.fields) })) }
    }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: guardRelationChecks(field.fields) } as Field
    return field
  })
}

/**
 * The user lookup of an auth strategy on the primary: with read replicas, Payload's reads outside a transaction
 * go to a replica, where a session just created by a login on another node may not be yet (a 401 for a valid
 * token). So the lookup runs in a transaction of its own, which the adapter keeps on the primary.
 */
async function onPrimary<T>(payload: Payload, call: (req?: PayloadRequest) => Promise<T>): Promise<T> {
  if (!(payload.db as unknown as { primaryDrizzle?: unknown }).primaryDrizzle) return call()
  const req = await createLocalReq({}, payload)
  return readOnPrimary(req, () => call(req))
}

/**
 * Payload's JWT strategy loads the user with a query and, when that query fails, answers "no user"; and
 * executeAuthStrategies swallows what a strategy throws. A signed-in request then went on anonymous and was
 * refused (401, 403) for the database's failure. Each strategy is watched for a failed query: it is tried once
 * more (a dropped connection is replaced at once), and when it fails again the request is noted so that its
 * refusal answers 503 (`uncheckedCredentialsOf`). Each lookup reads the primary (`onPrimary`).
 */
function watchAuthStrategies(payload: Payload): void {
  payload.authStrategies = payload.authStrategies.map((strategy): AuthStrategy => ({
    ...strategy,
    authenticate: async (args: AuthStrategyFunctionArgs) => {
      let failure: unknown
      const watched = new Proxy(args.payload, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property)
          if ((property !== 'find' && property !== 'findByID') || typeof value !== 'function') return value
          return async (options: Record<string, unknown>, ...rest: unknown[]) => {
            const call = (req?: PayloadRequest) => (value as (...input: unknown[]) => Promise<unknown>).apply(target, [req ? { ...options, req } : options, ...rest])
            try {
              // A lookup given a request of its own reads where that request reads.
              return await (options?.req ? call() : onPrimary(target, call))
            } catch (error) {
              if (isDatabaseUnavailable(error, { port: databasePort(target) })) failure = error
              throw error
            }
          }
        },
      })
      const attempt = () => strategy.authenticate({ ...args, payload: watched })
      let result = await attempt()
      if (result.user || failure === undefined) return result
      failure = undefined
      result = await attempt()
      if (!result.user && failure !== undefined) noteUncheckedCredentials(args.headers, failure)
      return result
    },
  }))
}

/**
 * Payload's `GET /me` reads the user again with a findByID outside any transaction: with read replicas, on a
 * replica, which may not hold a change made a moment ago on another node (or, behind, the user at all). This
 * endpoint comes before Payload's own (the first match wins) and runs it in a read on the primary; a caller who
 * is not signed in to this collection reads nothing, so it costs no transaction.
 */
const ME_ON_PRIMARY = Symbol('meOnPrimary')

function meOnPrimary(slug: string): Endpoint {
  const handler: PayloadHandler = async (req) => {
    const endpoints = (req.payload.collections as Record<string, { config: { endpoints: Endpoint[] | false } } | undefined>)[slug]?.config.endpoints
    const payloadMe = (Array.isArray(endpoints) ? endpoints : []).find(
      (endpoint) => endpoint.path === '/me' && endpoint.method === 'get' && !(ME_ON_PRIMARY in endpoint),
    )
    if (!payloadMe) throw new Error(`Payload's /me endpoint of ${slug} is missing`)
    if (req.user?.collection !== slug) return payloadMe.handler(req)
    return readOnPrimary(req, () => Promise.resolve(payloadMe.handler(req)))
  }
  return { [ME_ON_PRIMARY]: true, handler, method: 'get', path: '/me' } as Endpoint
}

const withMeOnPrimary = (collection: CollectionConfig): CollectionConfig =>
  collection.auth && collection.endpoints !== false && !(collection.endpoints ?? []).some((endpoint) => ME_ON_PRIMARY in endpoint)
    ? { ...collection, endpoints: [meOnPrimary(collection.slug), ...(collection.endpoints ?? [])] }
    : collection

export type DatabaseFaultsPluginOptions = {
  /** @default true */
  enabled?: boolean
}

/**
 * Relationship checks that blame a failed query on the database, not on the value; and, installed when Payload
 * starts, transactions whose failed COMMIT fails the operation (`surfaceCommitFailures`) and auth strategies
 * that tell a failed user lookup from refused credentials; each auth collection's `/me` reads the primary.
 */
export const databaseFaultsPlugin =
  (options: DatabaseFaultsPluginOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    return {
      ...incomingConfig,
      collections: (incomingConfig.collections ?? []).map((collection) =>
        withMeOnPrimary({ ...collection, fields: guardRelationChecks(collection.fields) }),
      ),
      globals: (incomingConfig.globals ?? []).map((global) => ({ ...global, fields: guardRelationChecks(global.fields) })),
      onInit: async (payload) => {
        surfaceCommitFailures(payload)
        watchAuthStrategies(payload)
        await incomingConfig.onInit?.(payload)
      },
    }
  }
