import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { BookingPluginOptions } from '../types'

import { createRateLimiter, type RateLimiter } from '../../../utilities/rateLimit'
import { derivePepper } from '../../../utilities/secrets'

export const BOOKING_OPTIONS_KEY = 'atelierBooking'

export type ResolvedBookingOptions = BookingPluginOptions & {
  addressPepper: Buffer
  clientIpPepper: Buffer
  confirmationKey: Buffer
  limiter: RateLimiter
  lookupKey: Buffer
  tokenPepper: Buffer
}

export const bookingOptionsFromEnv = (env: AtelierEnv): BookingPluginOptions => ({
  customerEmailsPerHour: env.ATELIER_BOOKING_EMAILS_PER_HOUR,
  openBookingsPerEmail: env.ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL,
  openBookingsPerIp: env.ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP,
  payloadSecret: env.payloadSecret,
  publicRateLimit: env.ATELIER_PUBLIC_RATE_LIMIT,
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
})

export const resolveBookingOptions = (options: BookingPluginOptions): ResolvedBookingOptions => ({
  ...options,
  addressPepper: derivePepper(options.payloadSecret, 'booking-email-address'),
  clientIpPepper: derivePepper(options.payloadSecret, 'booking-client-ip'),
  confirmationKey: derivePepper(options.payloadSecret, 'booking-confirmation'),
  limiter: createRateLimiter({ limit: options.publicRateLimit, name: 'booking-public', onStoreError: 'allow', windowMs: 60_000 }),
  lookupKey: derivePepper(options.payloadSecret, 'booking-lookup'),
  tokenPepper: derivePepper(options.payloadSecret, 'bookings'),
})

export const bookingOptions = (payload: Payload): ResolvedBookingOptions => payload.config.custom[BOOKING_OPTIONS_KEY] as ResolvedBookingOptions
