// Our money is integer minor units of ISO 4217 (cents; yen for JPY; fils for KWD). Stripe mostly agrees,
// with two wrinkles: a few currencies it represents with other decimals, and three-decimal currencies whose
// amounts must end in 0. Pure.
import { currencyExponent as isoDigits } from '../../../utilities/currencyExponent'

// Stripe keeps ISK in two decimals for backwards compatibility (amounts divisible by 100).
const STRIPE_DIGITS: Record<string, number> = { ISK: 2 }

const stripeDigits = (currency: string) => STRIPE_DIGITS[currency.toUpperCase()] ?? isoDigits(currency)

/** The smallest step Stripe accepts, in Stripe units: 10 for three-decimal currencies, 100 for ISK, else 1. */
const stripeStep = (currency: string): number => {
  const upper = currency.toUpperCase()
  if (upper in STRIPE_DIGITS) return 10 ** STRIPE_DIGITS[upper]!
  return isoDigits(currency) === 3 ? 10 : 1
}

const scale = (currency: string) => 10 ** (stripeDigits(currency) - isoDigits(currency))

/** An amount to charge: our minor units → Stripe units, rounded down to a step Stripe accepts. */
export function toStripeAmount(minor: number, currency: string): number {
  const step = stripeStep(currency)
  return Math.floor((minor * scale(currency)) / step) * step
}

/** Stripe units → our minor units. */
export const fromStripeAmount = (amount: number, currency: string): number => Math.round(amount / scale(currency))

/** A refund never exceeds `remaining` (Stripe units) and is rounded down to an accepted step. */
export function refundableStripeAmount(requested: number, remaining: number, currency: string): number {
  const step = stripeStep(currency)
  return Math.max(0, Math.floor(Math.min(requested, remaining) / step) * step)
}
