// The assistant's endpoints as a client sees them: Server-Sent Events read off a real Response, and credits
// put into a studio's wallet through billing's own ledger function.
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import type { Tenant } from '../../payload-types'
import type { RestClient } from './rest'

import { addPurchasedCredits } from '../../plugins/billing/services/credits'

export type ChatEvent = { data: Record<string, unknown>; event: string }

/** Splits an SSE text into its events (`event:` name and JSON `data:`), in order. */
export function parseEvents(text: string): ChatEvent[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message'
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n')
      return { data: JSON.parse(data) as Record<string, unknown>, event }
    })
}

/** Reads the whole stream: every event, in order. */
export const readEvents = async (response: Response): Promise<ChatEvent[]> => parseEvents(await response.text())

export const eventsNamed = (events: ChatEvent[], name: string) => events.filter((event) => event.event === name).map((event) => event.data)

export const chat = (rest: RestClient, token: string | undefined, body: unknown) => rest.post('/ai/chat', body, token ? { token } : {})

let fundings = 0
/** Buys `amount` credits for the studio (a pack purchase, as a paid PaymentIntent would). */
export async function fund(payload: Payload, tenant: Pick<Tenant, 'id'>, amount: number): Promise<void> {
  const req = await createLocalReq({}, payload)
  await addPurchasedCredits(req, { amount, reference: `pi_test_ai_${process.pid}_${++fundings}_${Date.now()}`, tenant: tenant.id })
}
