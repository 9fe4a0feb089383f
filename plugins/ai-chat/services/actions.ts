// Writes are proposals: the model may only ask for an action card on a booking it found in this answer; the
// user presses the card, which calls the normal staff endpoint with its own checks. Nothing here writes.
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'
import { APIError } from 'payload'
import { z } from 'zod'

import type { ToolDefinition } from '../types'
import type { ToolContext, ToolResult } from './tools'

import { HttpError } from '../../../utilities/apiErrors'
import { idOf } from '../../../utilities/idOf'
import { canTransition } from '../../booking'
import { requirePermission } from '../../rbac'
import { formatInZone } from './tools/format'
import { asUser, invalidInput, notHere, notPermitted, studioFor, zodMessage } from './tools/scope'

export const PROPOSE_TOOL = 'propose_booking_action'
/** Cards one answer may offer: enough for "cancel these three", not a mass action. */
export const MAX_CARDS_PER_ANSWER = 5

export type ActionCard = {
  id: string
  kind: 'cancel_booking' | 'confirm_booking'
  label: string
  booking: { id: number; ref: string; customerName: string | undefined; room: string | undefined; start: string; end: string; status: string }
  method: 'POST'
  url: string
}

/**
 * What one answer may offer cards for: a booking whose ref the user typed in the question, or the one booking
 * a search of this answer found. Not any booking a wider search listed: a customer's note in one of them
 * could otherwise ask for cards on the others.
 */
export type AnswerState = { cards: ActionCard[]; question: string; shownRefs: Set<string> }

export const answerState = (question: string): AnswerState => ({ cards: [], question: question.toUpperCase(), shownRefs: new Set() })

export const proposeDefinition: ToolDefinition = {
  name: PROPOSE_TOOL,
  description:
    'Offer the user a button to confirm or cancel one booking. Nothing changes unless the user presses it. Only when the user asked for that action, for a booking they named by its ref or the single booking find_bookings found.',
  input_schema: {
    type: 'object',
    properties: { ref: { type: 'string', description: 'The booking ref, as find_bookings returned it.', maxLength: 40 }, action: { type: 'string', enum: ['confirm', 'cancel'] } },
    required: ['ref', 'action'],
    additionalProperties: false,
  },
}

const input = z.object({ action: z.enum(['confirm', 'cancel']), ref: z.string().trim().min(1).max(40) }).strict()

/** Remembers the booking a find_bookings call found when it found exactly one. */
export function rememberShown(state: AnswerState, result: ToolResult): void {
  if (!result.ok) return
  const bookings = (result.data as { bookings?: { ref?: unknown }[] } | null)?.bookings ?? []
  const [only] = bookings
  if (bookings.length === 1 && typeof only?.ref === 'string') state.shownRefs.add(only.ref.toUpperCase())
}

const mayPropose = (state: AnswerState, ref: string) => state.shownRefs.has(ref) || state.question.includes(ref)

const isRefusal = (error: unknown) => (error instanceof HttpError || error instanceof APIError) && [401, 403, 404].includes(error.status)

/** Checks a proposal as the user (read the booking, hold bookings:<action>, a legal change) and makes its card. */
export async function proposeBookingAction(req: PayloadRequest, context: ToolContext, raw: unknown, state: AnswerState): Promise<{ card?: ActionCard; result: ToolResult }> {
  const parsed = input.safeParse(raw)
  if (!parsed.success) return { result: invalidInput(zodMessage(parsed.error)) }
  const { action } = parsed.data
  const ref = parsed.data.ref.toUpperCase()
  if (state.cards.length >= MAX_CARDS_PER_ANSWER) return { result: invalidInput(`At most ${MAX_CARDS_PER_ANSWER} proposals in one answer.`) }
  if (!mayPropose(state, ref)) return { result: invalidInput('Only a booking the user named by its ref, or the one booking a search found, can be proposed.') }
  const existing = state.cards.find((card) => card.booking.ref === ref && card.kind === `${action}_booking`)
  if (existing) return { card: undefined, result: { data: { proposed: true, card: existing.id }, ok: true } }
  try {
    const tenant = await studioFor(req, context, ['bookings'])
    const { docs } = await req.payload.find({ collection: 'bookings', depth: 1, limit: 1, ...asUser(req), where: { and: [{ tenant: { equals: tenant.id } }, { ref: { equals: ref } }] } })
    const booking = docs[0]
    if (!booking) return { result: notHere('booking') }
    await requirePermission(req, 'bookings', action, tenant.id)
    const target = action === 'confirm' ? 'confirmed' : 'cancelled'
    if (!canTransition(booking.status, target)) return { result: invalidInput(`A ${booking.status} booking cannot be ${target}.`) }
    const room = typeof booking.room === 'object' && booking.room ? booking.room.name : undefined
    const card: ActionCard = {
      booking: {
        customerName: booking.customer?.name,
        end: formatInZone(new Date(booking.end), tenant.timezone),
        id: Number(idOf(booking)),
        ref,
        room,
        start: formatInZone(new Date(booking.start), tenant.timezone),
        status: booking.status,
      },
      id: randomUUID(),
      kind: `${action}_booking`,
      label: action === 'confirm' ? `Confirm booking ${ref}` : `Cancel booking ${ref}`,
      method: 'POST',
      url: `/api/bookings/${booking.id}/${action}`,
    }
    state.cards.push(card)
    return { card, result: { data: { proposed: true, card: card.id, note: 'A button was shown; nothing changes unless the user presses it.' }, ok: true } }
  } catch (error) {
    if (isRefusal(error)) return { result: notPermitted() }
    throw error
  }
}
