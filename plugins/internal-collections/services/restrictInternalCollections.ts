// Payload builds its document locks, preferences and job stats while it sanitizes the config, after every
// plugin has run, and offers no overrides for them: their access is set once Payload has built them.
import type { Payload } from 'payload'

import { isSuperAdminAccess } from '../../../access/isSuperAdmin'
import { lockHolderOrColleague } from '../access/lockHolderOrColleague'
import { lockTakeOverBySelf } from '../access/lockTakeOverBySelf'
import { preferenceOwner } from '../access/preferenceOwner'
import { guardPreferenceEndpoint } from '../endpoints/guardPreferenceEndpoint'

export const LOCKS_SLUG = 'payload-locked-documents'
export const PREFERENCES_SLUG = 'payload-preferences'
export const JOB_STATS_SLUG = 'payload-jobs-stats'

const GUARDED = Symbol('atelierGuarded')
const isGuarded = (endpoint: object) => GUARDED in endpoint
const markGuarded = <T extends object>(endpoint: T): T => Object.assign(endpoint, { [GUARDED]: true })

/** Sets the access of Payload's internal collections on the built config (idempotent). */
export function restrictInternalCollections(payload: Payload): void {
  const locks = payload.collections[LOCKS_SLUG]?.config
  if (locks) {
    // The panel creates locks itself (no access check); over REST nobody but a super admin plants one.
    locks.access = { ...locks.access, create: isSuperAdminAccess, delete: lockHolderOrColleague, read: lockHolderOrColleague, update: lockTakeOverBySelf }
  }
  const preferences = payload.collections[PREFERENCES_SLUG]?.config
  // Creating stays open to any logged-in user: Payload sets the owner to the caller.
  if (preferences) {
    preferences.access = { ...preferences.access, update: preferenceOwner }
    if (Array.isArray(preferences.endpoints) && !preferences.endpoints.some(isGuarded)) {
      // Only the wrappers are marked: the endpoints left as they are include Payload's default ones, objects that
      // every config built in this process shares.
      preferences.endpoints = preferences.endpoints.map((endpoint) => {
        const guarded = guardPreferenceEndpoint(endpoint)
        return guarded === endpoint ? endpoint : markGuarded(guarded)
      })
    }
  }
  const stats = payload.config.globals.find((global) => global.slug === JOB_STATS_SLUG)
  // The scheduler's last-run times: writable, they would hold back scheduled jobs.
  if (stats) stats.access = { ...stats.access, read: isSuperAdminAccess, update: isSuperAdminAccess }
}
