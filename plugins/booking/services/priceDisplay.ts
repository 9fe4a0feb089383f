// The seam through which a public booking keeps the converted price its customer was shown. Booking owns the
// snapshot; the currency plugin, when present, registers how an amount is converted. Without it a requested
// display currency is refused, since nothing could have shown it.
import type { Config, PayloadRequest } from 'payload'

import { badRequest } from '../../../utilities/apiErrors'

/** What the customer saw beside the price charged: `amount` minor units of `currency`, at `rate` of `rateDate`. */
export type PriceDisplay = { amount: number; currency: string; rate: string; rateDate: string }

export type PriceDisplayRequest = { amount: number; from: string; rateDate?: string; to: string }

/**
 * Converts for the snapshot. Null when no rates may be used (none yet, or stale): the booking goes ahead
 * without one, as the page showed no conversion. Throws a 4xx for a currency that is not active.
 */
export type PriceDisplayConverter = (req: PayloadRequest, request: PriceDisplayRequest) => Promise<null | PriceDisplay>

const PRICE_DISPLAY_KEY = 'atelierPriceDisplay'

/** Registers the converter; later plugins call it from their config function. */
export const registerPriceDisplay = (config: Config, converter: PriceDisplayConverter): Config => ({
  ...config,
  custom: { ...config.custom, [PRICE_DISPLAY_KEY]: converter },
})

/** The snapshot of `amount` (in `from`) in the currency the customer chose; null when it is the charged one. */
export async function priceDisplayFor(req: PayloadRequest, request: PriceDisplayRequest): Promise<null | PriceDisplay> {
  if (request.to === request.from) return null
  const converter = req.payload.config.custom?.[PRICE_DISPLAY_KEY] as PriceDisplayConverter | undefined
  if (!converter) throw badRequest('Prices are shown only in the studio’s currency here.', 'display.currency')
  return converter(req, request)
}
