import type { CollectionBeforeOperationHook } from 'payload'

type UploadBody = Record<string, unknown> & { filename?: unknown; url?: unknown }

/**
 * Without a file in the request, Payload re-reads the file a body's `filename`/`url` name (a local path,
 * or a remote URL it fetches) and writes the edited result back under that name. A client could so
 * overwrite another studio's upload, or make the server fetch any URL. Over REST, a body may only name
 * the document's own file (the admin panel's crop of an existing image); a new document brings a file.
 */
export const keepUploadSourcesServerSide: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (overrideAccess || !collection.upload || (operation !== 'create' && operation !== 'update')) return args
  const data = (args as { data?: UploadBody }).data
  if (!data || typeof data !== 'object' || !('filename' in data || 'url' in data)) return args
  const { filename, url, ...rest } = data
  const id = (args as { id?: number | string }).id
  if (operation === 'update' && id !== undefined && !req.file) {
    const own = await req.payload.findByID({ id, collection: collection.slug as never, depth: 0, disableErrors: true, overrideAccess: true, req })
    const ownFile = own as null | UploadBody
    if (ownFile && filename === ownFile.filename && (url === undefined || url === ownFile.url)) return args
  }
  return { ...args, data: rest }
}
