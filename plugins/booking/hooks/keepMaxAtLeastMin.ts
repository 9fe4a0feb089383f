import type { CollectionBeforeValidateHook } from 'payload'

import type { Room } from '../../../payload-types'

/** A longest booking shorter than the shortest one is raised to it, rather than refused. */
export const keepMaxAtLeastMin: CollectionBeforeValidateHook<Room> = ({ data }) => {
  if (data && typeof data.minMinutes === 'number' && typeof data.maxMinutes === 'number' && data.maxMinutes < data.minMinutes) {
    data.maxMinutes = data.minMinutes
  }
  return data
}
