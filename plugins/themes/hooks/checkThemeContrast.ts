import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { checkModeContrast } from '../services/contrast'
import { DEFAULT_DARK, DEFAULT_LIGHT, type ModeTokens } from '../services/tokens'

/**
 * Refuses a theme whose text would be hard to read: every pair of both modes, as the theme will stand after
 * this save (an update changing one colour is checked against the others it keeps). 400 with each pair's path.
 */
export const checkThemeContrast: CollectionBeforeValidateHook = ({ collection, data, originalDoc }) => {
  if (!data) return data
  const merged = (mode: 'dark' | 'light', defaults: ModeTokens): ModeTokens => ({ ...defaults, ...originalDoc?.[mode], ...data[mode] })
  const failures = [...checkModeContrast(merged('light', DEFAULT_LIGHT), 'light'), ...checkModeContrast(merged('dark', DEFAULT_DARK), 'dark')]
  if (failures.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors: failures.map(({ message, path }) => ({ message, path })) })
  }
  return data
}
