import type { CollectionBeforeChangeHook } from 'payload'

import { ValidationError } from 'payload'

import type { ScheduledReport } from '../../../payload-types'

/** A schedule sends one report: a predefined one (`template`) or a saved one (`savedTemplate`), never both or neither. */
export const requireOneTemplate: CollectionBeforeChangeHook<ScheduledReport> = ({ collection, data, originalDoc }) => {
  const merged = { ...originalDoc, ...data }
  const predefined = Boolean(merged.template)
  const saved = merged.savedTemplate !== null && merged.savedTemplate !== undefined
  if (predefined !== saved) return data
  const message = predefined ? 'Choose a predefined report or a saved one, not both.' : 'Choose a report: a predefined template or a saved one.'
  throw new ValidationError({ collection: collection.slug, errors: [{ message, path: 'template' }] })
}
