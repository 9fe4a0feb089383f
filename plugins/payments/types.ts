export type PaymentsPluginOptions = {
  enabled?: boolean
  /** Where the customer returns after Checkout, e.g. https://atelier.example.com. */
  publicUrl: string
  /** Stripe's API (or a local fake in tests) and the secret key; unset: payments are off (503). */
  stripe: null | { apiBase: string; secretKey: string }
  /** The endpoint secret webhook signatures are checked with. */
  webhookSecret: null | string
}
