import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

/**
 * Payload's REST duplicate route ignores `disableDuplicate` (only its Local API checks it), and a copy
 * carries fields no client may set (an approval, a site, a booking's secrets): refused here instead.
 */
export const refuseUnlistedDuplicates: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  const duplicating = operation === 'create' && (args as { duplicateFromID?: unknown }).duplicateFromID !== undefined
  if (duplicating && collection.disableDuplicate) throw new APIError('Documents of this kind cannot be duplicated.', 403, null, true)
  return args
}
