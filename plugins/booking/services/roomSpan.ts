// What bookings and sessions both check before they hold a room: the room exists, belongs to the same
// studio, and the times make a span.
import type { CollectionSlug, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { Room } from '../../../payload-types'

import { idOf } from '../../../utilities/idOf'

type Ref = number | { id: number }

export async function loadRoom(req: PayloadRequest, roomId: number): Promise<null | Room> {
  return req.payload.findByID({ id: roomId, collection: 'rooms', depth: 0, disableErrors: true, overrideAccess: true, req })
}

export const invalidField = (collection: CollectionSlug, path: string, message: string) => new ValidationError({ collection, errors: [{ message, path }] })

/**
 * The room (`known` when the caller already has it), its studio, and the span; a ValidationError on the
 * offending field otherwise. `merged` is the document as it will be (original plus incoming data).
 */
export async function roomSpan(
  req: PayloadRequest,
  collection: CollectionSlug,
  merged: { end?: unknown; room?: unknown; start?: unknown; tenant?: unknown },
  known?: Room,
): Promise<{ end: Date; room: Room; roomTenantId: number; start: Date }> {
  const roomId = idOf(merged.room as Ref)
  const room = known?.id === roomId ? known : await loadRoom(req, roomId)
  if (!room) throw invalidField(collection, 'room', 'No such room.')
  const roomTenantId = idOf(room.tenant!)
  if (merged.tenant && idOf(merged.tenant as Ref) !== roomTenantId) throw invalidField(collection, 'room', 'This room belongs to another studio.')
  const start = new Date(merged.start as string)
  const end = new Date(merged.end as string)
  if (Number.isNaN(start.getTime())) throw invalidField(collection, 'start', 'Not a valid date.')
  if (Number.isNaN(end.getTime()) || end <= start) throw invalidField(collection, 'end', 'The end must come after the start.')
  return { end, room, roomTenantId, start }
}

/** The instant the span stops blocking the room: its end plus the room's buffer. */
export const blockedUntil = (end: Date, room: Pick<Room, 'bufferMinutes'>) => new Date(end.getTime() + room.bufferMinutes * 60_000).toISOString()
