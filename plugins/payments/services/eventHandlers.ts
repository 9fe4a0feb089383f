// The seam other plugins handle Stripe events through: `registerStripeEventHandler(config, type, handler)`.
// Events still arrive on the one webhook, are stored, claimed and processed once by payments; each
// registered handler says whether an event is its own (an outcome) or not (null).
import type { Config, PayloadRequest } from 'payload'
import type Stripe from 'stripe'

/** `afterCommit`: work with outside effects (emails) that must not happen if the transaction rolls back. */
export type EventOutcome = { afterCommit?: (() => Promise<void>)[]; note?: string; status: 'ignored' | 'processed'; tenant?: null | number }

/**
 * Runs inside the event's transaction (pass `req` to every write). Returns null when the event is not about
 * something this handler owns, so that the next handler for the type gets it.
 */
export type StripeEventHandler = (req: PayloadRequest, event: Stripe.Event) => Promise<EventOutcome | null>

const HANDLERS_KEY = 'atelierStripeEventHandlers'

type HandlerTable = Record<string, StripeEventHandler[]>

/** Adds `handler` for events of `type`, after those registered before it. */
export const registerStripeEventHandler = (config: Config, type: Stripe.Event.Type, handler: StripeEventHandler): Config => {
  const table = (config.custom?.[HANDLERS_KEY] as HandlerTable | undefined) ?? {}
  return { ...config, custom: { ...config.custom, [HANDLERS_KEY]: { ...table, [type]: [...(table[type] ?? []), handler] } } }
}

/** The first outcome a registered handler gives, or `ignored` when none claims the event. */
export async function dispatchStripeEvent(req: PayloadRequest, event: Stripe.Event): Promise<EventOutcome> {
  const handlers = ((req.payload.config.custom?.[HANDLERS_KEY] as HandlerTable | undefined) ?? {})[event.type] ?? []
  for (const handler of handlers) {
    const outcome = await handler(req, event)
    if (outcome) return outcome
  }
  return { note: handlers.length > 0 ? `No handler claimed this ${event.type}` : `Not handled: ${event.type}`, status: 'ignored' }
}
