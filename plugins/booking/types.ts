export type BookingPluginOptions = {
  /**
   * Emails that anonymous requests (a public booking, a customer's cancellation, a lookup link) may send to
   * one address per clock hour; emails caused by the studio or a payment always go out.
   * @default 10
   */
  customerEmailsPerHour: number
  enabled?: boolean
  /**
   * Open public bookings (holding a slot, neither paid nor confirmed) one email address may have at one studio.
   * @default 3
   */
  openBookingsPerEmail: number
  /**
   * Open public bookings one client IP may have at one studio.
   * @default 3
   */
  openBookingsPerIp: number
  /** Derives the peppers of booking access tokens and the signature of lookup links. */
  payloadSecret: string
  /**
   * Requests per client IP per minute, across the public booking API.
   * @default 60
   */
  publicRateLimit: number
  /** Where customers' links point, e.g. https://atelier.example.com. */
  publicUrl: string
}
