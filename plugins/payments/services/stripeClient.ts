// The one Stripe client: the official SDK, pointed at STRIPE_API_BASE (Stripe itself in production, a
// local fake in tests), so tests run the production code path.
import Stripe from 'stripe'

export type StripeSettings = { apiBase: string; secretKey: string }

export function createStripeClient({ apiBase, secretKey }: StripeSettings): Stripe {
  const base = new URL(apiBase)
  return new Stripe(secretKey, {
    host: base.hostname,
    // Our own retries go through the jobs queue; the SDK retries network blips with idempotency keys.
    maxNetworkRetries: 2,
    port: base.port ? Number(base.port) : base.protocol === 'http:' ? 80 : 443,
    protocol: base.protocol === 'http:' ? 'http' : 'https',
    telemetry: false,
    timeout: 20_000,
  })
}

/** A Stripe error as something safe to store and show: type, code and message, nothing else. */
export function describeStripeError(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError) return [error.type, error.code, error.message].filter(Boolean).join(': ')
  return error instanceof Error ? error.message : 'Unknown error'
}
