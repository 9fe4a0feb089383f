export type BookingPluginOptions = {
  enabled?: boolean
  /** Derives the peppers of booking access tokens and the signature of lookup links. */
  payloadSecret: string
  /** Requests per client IP per minute, across the public booking API. */
  publicRateLimit: number
  /** Where customers' links point, e.g. https://atelier.example.com. */
  publicUrl: string
}
