// A Local API create without Payload's field machinery, for the public booking's hot path: the collection's
// own hooks (every plugin's, in Payload's order) around one INSERT in the request's transaction. It skips the
// field traversals, the relationship validation queries (the caller has loaded the related documents) and
// the read back. A collection whose fields need more than that is created through Payload instead.
import type { CollectionConfig, CollectionSlug, Field, PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { ValidationError } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { poolDb, transactionDb } from '../../../utilities/transactionDb'

type Leaf = { column: string; field: Field & { name: string }; hidden: boolean; path: string[] }
type Shape = { hiddenGroups: string[][]; leaves: Leaf[]; table: string }
type Doc = Record<string, unknown>

// Payload's column names: camelCase paths in snake_case, groups joined with `_`.
const toSnakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()
const PLAIN = new Set(['checkbox', 'date', 'email', 'json', 'number', 'select', 'text', 'textarea'])
// A field hook would run in Payload's traversals, which this skips; beforeDuplicate runs on duplicates only.
const hasHooks = (field: Field) =>
  Object.entries((field as { hooks?: Record<string, unknown> }).hooks ?? {}).some(([name, hooks]) => name !== 'beforeDuplicate' && Array.isArray(hooks) && hooks.length > 0)

/** The columns a create writes, or null when a field needs Payload itself (hooks, arrays, locales, many-relations…). */
function shapeOf(collection: SanitizedCollectionConfig): null | Shape {
  const leaves: Leaf[] = []
  const hiddenGroups: string[][] = []
  const walk = (fields: Field[], path: string[], hiddenAbove: boolean): boolean =>
    fields.every((field) => {
      if (field.type === 'row' || field.type === 'collapsible') return walk(field.fields, path, hiddenAbove)
      if (!('name' in field) || hasHooks(field) || ('localized' in field && field.localized) || ('virtual' in field && field.virtual)) return false
      if ('dbName' in field && field.dbName) return false
      const hidden = hiddenAbove || ('hidden' in field && Boolean(field.hidden))
      if (field.type === 'group') {
        if (hidden && !hiddenAbove) hiddenGroups.push([...path, field.name])
        return walk(field.fields, [...path, field.name], hidden)
      }
      if (field.name === 'id') return true // the serial column
      const column = toSnakeCase([...path, field.name].join('_'))
      if (field.type === 'relationship' && typeof field.relationTo === 'string' && !field.hasMany) {
        leaves.push({ column: `${column}_id`, field, hidden, path: [...path, field.name] })
        return true
      }
      if (!PLAIN.has(field.type) || ('hasMany' in field && field.hasMany)) return false
      leaves.push({ column, field, hidden, path: [...path, field.name] })
      return true
    })
  if (collection.versions || collection.upload || collection.auth || collection.dbName || !walk(collection.fields, [], false)) return null
  return { hiddenGroups, leaves, table: toSnakeCase(collection.slug).replace(/-/g, '_') }
}

const shapes = new WeakMap<CollectionConfig, null | Shape>()
const cachedShape = (collection: SanitizedCollectionConfig) => {
  if (!shapes.has(collection)) shapes.set(collection, shapeOf(collection))
  return shapes.get(collection)!
}

const read = (data: Doc, path: string[]): unknown => path.reduce<unknown>((value, key) => (value as Doc | null | undefined)?.[key], data)
const write = (target: Doc, path: string[], value: unknown) => {
  let node = target
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Doc
  node[path.at(-1)!] = value
}

type DefaultValue = ((args: { locale?: string; req: PayloadRequest; user: PayloadRequest['user'] }) => unknown) | unknown

/** Payload's defaults for what `data` leaves out, as its beforeValidate does on create. */
async function withDefaults(req: PayloadRequest, shape: Shape, data: Doc): Promise<Doc> {
  const filled = structuredClone(data)
  for (const { field, path } of shape.leaves) {
    const fallback = (field as { defaultValue?: DefaultValue }).defaultValue
    if (read(filled, path) !== undefined || fallback === undefined) continue
    const value = typeof fallback === 'function' ? await fallback({ locale: req.locale ?? undefined, req, user: req.user }) : structuredClone(fallback)
    if (value !== undefined) write(filled, path, value)
  }
  return filled
}

/** The fields' validators, but for the relationships whose documents the caller loaded and checked (their query is the cost). */
async function validate(req: PayloadRequest, collection: SanitizedCollectionConfig, shape: Shape, data: Doc, loaded: string[]) {
  const errors: { message: string; path: string }[] = []
  for (const { field, path } of shape.leaves) {
    const validator = (field as { validate?: (value: unknown, options: object) => Promise<string | true> | string | true }).validate
    if (!validator || (field.type === 'relationship' && loaded.includes(path.join('.')))) continue
    const siblingData = (read(data, path.slice(0, -1)) ?? data) as Doc
    const result = await validator(read(data, path), {
      ...field,
      collectionSlug: collection.slug,
      data,
      event: 'submit',
      operation: 'create',
      overrideAccess: true,
      path,
      preferences: { fields: {} },
      previousValue: undefined,
      req,
      siblingData,
    })
    if (result !== true) errors.push({ message: result, path: path.join('.') })
  }
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors }, req.t)
}

/** The document as Payload's create answers it at depth 0: nulls for what is unset, hidden fields left out. */
function documentOf(shape: Shape, data: Doc, id: number): Doc {
  const doc: Doc = { id }
  for (const { field, hidden, path } of shape.leaves) {
    if (hidden) continue
    const value = read(data, path)
    write(doc, path, field.type === 'relationship' ? (value === undefined || value === null ? null : idOf(value as number)) : (value ?? null))
  }
  for (const path of shape.hiddenGroups) write(doc, path, {})
  return doc
}

type DirectOptions = {
  context: Record<string, unknown>
  /** Relationship fields whose documents the caller has loaded and checked (exists, same tenant): not queried again. */
  loaded: string[]
}

/**
 * Creates a document of `slug` as `req.payload.create({ overrideAccess: true, depth: 0 })` would, in `req`'s
 * transaction (the caller's inTransaction), with `context` on `req.context` for the hooks. Falls back to
 * Payload's create for a collection this cannot write.
 */
export async function createDirect<T>(req: PayloadRequest, slug: CollectionSlug, data: Doc, { context, loaded }: DirectOptions): Promise<T> {
  const collection = req.payload.collections[slug].config
  const shape = cachedShape(collection)
  Object.assign(req.context, context)
  if (!shape) return (await req.payload.create({ collection: slug, context, data: data as never, depth: 0, overrideAccess: true, req })) as T
  const hooks = collection.hooks
  let args = { collection: req.payload.collections[slug], data, depth: 0, overrideAccess: true, req } as { data: Doc } & Record<string, unknown>
  for (const hook of hooks.beforeOperation ?? []) args = ((await hook({ args, collection, context: req.context, operation: 'create', overrideAccess: true, req } as never)) as typeof args) ?? args
  let values = await withDefaults(req, shape, args.data)
  for (const hook of hooks.beforeValidate ?? []) values = ((await hook({ collection, context: req.context, data: values, operation: 'create', originalDoc: {}, req } as never)) as Doc) ?? values
  for (const hook of hooks.beforeChange ?? []) values = ((await hook({ collection, context: req.context, data: values, operation: 'create', originalDoc: {}, req } as never)) as Doc) ?? values
  await validate(req, collection, shape, values, loaded)
  const now = new Date().toISOString()
  values.createdAt = now
  values.updatedAt = now
  const written = shape.leaves.filter(({ path }) => read(values, path) !== undefined)
  const parameter = ({ field, path }: Leaf) => {
    const value = read(values, path)
    if (value === null) return null
    if (field.type === 'relationship') return idOf(value as number)
    return field.type === 'json' ? JSON.stringify(value) : value
  }
  const db = await transactionDb(req)
  if (db === poolDb(req.payload)) throw new Error(`createDirect(${slug}) runs in a transaction: its INSERT and its hooks' writes commit together.`)
  const { rows } = (await db.execute(sql`insert into ${sql.identifier(shape.table)} (${sql.join(
    written.map(({ column }) => sql.identifier(column)),
    sql`, `,
  )}) values (${sql.join(
    written.map((leaf) => sql`${parameter(leaf)}`),
    sql`, `,
  )}) returning id`)) as { rows: { id: number }[] }
  // As Payload's own writes do: reads soon after go to the primary, not a replica that may lag.
  ;(req.payload.db as { lastWriteTimestamp?: number }).lastWriteTimestamp = Date.now()
  let doc = documentOf(shape, values, rows[0]!.id)
  for (const hook of hooks.afterRead ?? []) doc = ((await hook({ collection, context: req.context, doc, overrideAccess: true, req } as never)) as Doc) ?? doc
  for (const hook of hooks.afterChange ?? []) {
    doc = ((await hook({ collection, context: req.context, data: values, doc, operation: 'create', overrideAccess: true, previousDoc: {}, req } as never)) as Doc) ?? doc
  }
  return doc as T
}
