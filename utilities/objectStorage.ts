// Where uploads live: an S3-compatible bucket when S3_BUCKET is set (every app node then serves every
// file), else the local media directory (ATELIER_MEDIA_DIR), as the media collection declares it.
import type { CollectionAfterChangeHook, Config, Plugin, RequestContext } from 'payload'

import { s3Storage } from '@payloadcms/storage-s3'

import type { ObjectStorageSettings } from './env'

import { SKIP_AUDIT } from '../plugins/audit-log'

/**
 * After an upload, the S3 adapter writes the document again with itself, a follow-up update that changes
 * nothing: it is left out of the audit log. The flag is put back afterwards on the context object the hook
 * was given, and on the copy Payload may have swapped in for it meanwhile.
 */
const withUnauditedFollowUp =
  (storageHook: CollectionAfterChangeHook): CollectionAfterChangeHook =>
  async (args) => {
    const { req } = args
    const context = req.context
    const before = context[SKIP_AUDIT]
    const restore = (target: RequestContext) => {
      if (before === undefined) delete target[SKIP_AUDIT]
      else target[SKIP_AUDIT] = before
    }
    context[SKIP_AUDIT] = true
    try {
      return await storageHook(args)
    } finally {
      restore(context)
      if (req.context !== context) restore(req.context)
    }
  }

/**
 * The storage adapter for `media`; without a bucket it is disabled and media stays on disk. Disabled, not
 * left out: the adapter always registers its admin provider, so the generated import map is the same in
 * both modes.
 *
 * Files are still served at `/api/media/file/<filename>`: Payload runs the collection's read access first
 * (a studio's files to its own members only) and only then streams the object from the bucket. So no
 * signed or public bucket URLs, and no client uploads straight to the bucket, which would skip that check.
 * Keys are the bare filenames, unique across the collection as on disk: a per-studio prefix would let two
 * studios hold the same name, and the adapter looks a file's prefix up by name alone.
 */
export const objectStoragePlugin =
  (settings: ObjectStorageSettings | undefined): Plugin =>
  async (incomingConfig: Config): Promise<Config> => {
    const withStorage = await s3Storage({
      bucket: settings?.bucket ?? '',
      collections: { media: true },
      config: settings
        ? {
            credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
            endpoint: settings.endpoint,
            forcePathStyle: settings.forcePathStyle,
            region: settings.region,
          }
        : {},
      enabled: Boolean(settings),
    })(incomingConfig)
    const existingHooks = incomingConfig.collections?.find(({ slug }) => slug === 'media')?.hooks?.afterChange ?? []
    return {
      ...withStorage,
      collections: withStorage.collections?.map((collection) => {
        const afterChange = collection.hooks?.afterChange
        if (collection.slug !== 'media' || !afterChange) return collection
        // The hooks after the existing ones are the adapter's.
        const added = afterChange.slice(existingHooks.length).map(withUnauditedFollowUp)
        return { ...collection, hooks: { ...collection.hooks, afterChange: [...existingHooks, ...added] } }
      }),
    }
  }
