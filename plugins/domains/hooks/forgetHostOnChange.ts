import type { CollectionAfterChangeHook } from 'payload'

import type { Domain } from '../../../payload-types'

import { forgetHost } from '../services/hostCache'

/** A verified, failed or moved domain is seen by Caddy's ask and the host routing at once, not after the cache's TTL. */
export const forgetHostOnChange: CollectionAfterChangeHook<Domain> = ({ doc, previousDoc, req }) => {
  forgetHost(req.payload, doc.hostname)
  if (previousDoc?.hostname && previousDoc.hostname !== doc.hostname) forgetHost(req.payload, previousDoc.hostname)
  return doc
}
