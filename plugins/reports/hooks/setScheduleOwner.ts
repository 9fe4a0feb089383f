import type { CollectionBeforeChangeHook } from 'payload'

import type { ScheduledReport } from '../../../payload-types'

import { takesOwnership } from '../services/scheduleChanges'

/**
 * The owner is the person whose permissions the report runs with at each send: its creator, and later
 * whoever changes its report or recipients (so that nobody sends themselves what only the owner may read) or
 * saves it after its owner was deleted. Trusted server code without a user keeps the owner it names.
 */
export const setScheduleOwner: CollectionBeforeChangeHook<ScheduledReport> = ({ data, operation, originalDoc, req }) => {
  if (req.user && takesOwnership(operation, data, originalDoc)) data.owner = req.user.id
  return data
}
