import type { Payload } from 'payload'

import type { AtelierEnv } from '../../../utilities/env'
import type { BookingPluginOptions } from '../types'

import { createRateLimiter, type RateLimiter } from '../../../utilities/rateLimit'
import { derivePepper } from '../../../utilities/secrets'

export const BOOKING_OPTIONS_KEY = 'atelierBooking'

export type ResolvedBookingOptions = BookingPluginOptions & { limiter: RateLimiter; lookupKey: Buffer; tokenPepper: Buffer }

export const bookingOptionsFromEnv = (env: AtelierEnv): BookingPluginOptions => ({
  payloadSecret: env.payloadSecret,
  publicRateLimit: env.ATELIER_PUBLIC_RATE_LIMIT,
  publicUrl: env.ATELIER_PUBLIC_URL.replace(/\/+$/, ''),
})

export const resolveBookingOptions = (options: BookingPluginOptions): ResolvedBookingOptions => ({
  ...options,
  limiter: createRateLimiter({ limit: options.publicRateLimit, windowMs: 60_000 }),
  lookupKey: derivePepper(options.payloadSecret, 'booking-lookup'),
  tokenPepper: derivePepper(options.payloadSecret, 'bookings'),
})

export const bookingOptions = (payload: Payload): ResolvedBookingOptions => payload.config.custom[BOOKING_OPTIONS_KEY] as ResolvedBookingOptions
