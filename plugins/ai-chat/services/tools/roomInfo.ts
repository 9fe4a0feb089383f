// room_info: one room of the studio, by id or name, as the user reads it: capacity, hourly rate (money with the
// studio's currency), opening hours in the studio's zone, booking lengths, and whether it is active.
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { AssistantTool, ToolContext, ToolResult } from './types'

import { money, roomReference, roomReferenceSchema } from './format'
import { invalidInput, isToolResult, roomFor, studioFor, zodMessage } from './scope'

const input = z.object({ room: roomReference }).strict()

async function run(req: PayloadRequest, raw: unknown, context: ToolContext): Promise<ToolResult> {
  const parsed = input.safeParse(raw)
  if (!parsed.success) return invalidInput(zodMessage(parsed.error))
  const tenant = await studioFor(req, context, ['rooms'])
  const room = await roomFor(req, tenant, parsed.data.room)
  if (isToolResult(room)) return room
  return {
    data: {
      id: room.id,
      name: room.name,
      slug: room.slug,
      active: room.active ?? false,
      capacity: room.capacity,
      hourlyRate: typeof room.hourlyRate === 'number' ? money(room.hourlyRate, tenant.defaultCurrency) : undefined,
      openingHours: (room.openingHours ?? []).map(({ closes, opens, weekday }) => ({ closes, opens, weekday })),
      timezone: tenant.timezone,
      bookingMinutes: { max: room.maxMinutes, min: room.minMinutes, step: room.slotStepMinutes },
      bufferMinutes: room.bufferMinutes,
      leadTimeMinutes: room.leadTimeMinutes,
    },
    ok: true,
  }
}

export const roomInfo: AssistantTool = {
  definition: {
    name: 'room_info',
    description:
      'One room of the studio, by id or name: capacity, hourly rate (minor units and formatted, in the studio’s currency), opening hours (local wall-clock times per weekday), booking lengths in minutes, and whether it is active. Read-only.',
    input_schema: { type: 'object', properties: { room: roomReferenceSchema }, required: ['room'], additionalProperties: false },
  },
  run,
}
