import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { Artist } from '../../../payload-types'

import { APPROVING_ARTIST } from '../context'

/** `approved` is reached through the approval endpoint only: it also prepares the site. */
export const refuseApprovalByEdit: CollectionBeforeChangeHook<Artist> = ({ context, data, originalDoc }) => {
  if (data.status === 'approved' && originalDoc?.status !== 'approved' && !context[APPROVING_ARTIST]) {
    throw new ValidationError({
      collection: 'artists',
      errors: [{ message: 'Approve an artist with the Approve button (POST /api/artists/:id/approve): it also prepares the site.', path: 'status' }],
    })
  }
  return data
}
