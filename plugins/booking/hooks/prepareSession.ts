import type { CollectionBeforeValidateHook } from 'payload'

import type { Session } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'
import { blockedUntil, invalidField, roomSpan } from '../services/roomSpan'

/**
 * What a session's client may not decide: its studio (the room's) and the span it blocks (end + the room's
 * buffer). Its artist and staff member must belong to that studio.
 */
export const prepareSession: CollectionBeforeValidateHook<Session> = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  if (!merged.room || !merged.start || !merged.end) return data
  const { end, room, roomTenantId: tenantId } = await roomSpan(req, 'sessions', merged)
  const invalid = (path: string, message: string) => invalidField('sessions', path, message)
  if (merged.artist) {
    const artist = await req.payload.findByID({ id: idOf(merged.artist), collection: 'artists', depth: 0, disableErrors: true, overrideAccess: true, req })
    if (!artist?.tenant || idOf(artist.tenant) !== tenantId) throw invalid('artist', 'No such artist in this studio.')
  }
  if (merged.staff) {
    const staff = await req.payload.findByID({ id: idOf(merged.staff), collection: 'users', depth: 0, disableErrors: true, overrideAccess: true, req })
    if (!staff?.tenants?.some((membership) => idOf(membership.tenant) === tenantId)) throw invalid('staff', 'No such member of this studio.')
  }
  data.tenant = tenantId
  data.blockedUntil = blockedUntil(end, room)
  return data
}
