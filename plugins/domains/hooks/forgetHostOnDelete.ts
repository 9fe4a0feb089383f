import type { CollectionAfterDeleteHook } from 'payload'

import type { Domain } from '../../../payload-types'

import { forgetHost } from '../services/hostCache'

/** A deleted domain (removed, or its lapsed claim taken over) stops being served at once. */
export const forgetHostOnDelete: CollectionAfterDeleteHook<Domain> = ({ doc, req }) => {
  forgetHost(req.payload, doc.hostname)
  return doc
}
