// Booking: rooms, policies, bookings and sessions; free slots; the public booking API; staff actions; the
// holds of public bookings and their expiry (with or without the payments plugin).
// List it before the audit log (which hooks its collections) and tenancy (which scopes them).
import type { Config } from 'payload'

import type { BookingPluginOptions } from './types'

import { BookingPolicies } from './collections/BookingPolicies'
import { Bookings } from './collections/Bookings'
import { Rooms } from './collections/Rooms'
import { Sessions } from './collections/Sessions'
import { cancelBookingEndpoint } from './endpoints/publicBookingCancel'
import { confirmBookingByCustomerEndpoint } from './endpoints/publicBookingConfirm'
import { createBookingEndpoint } from './endpoints/publicBookingCreate'
import { cancelQuoteEndpoint, readBookingEndpoint } from './endpoints/publicBookingRead'
import { listBookingsEndpoint, searchBookingsEndpoint } from './endpoints/publicLookup'
import { availabilityEndpoint, publicRoomsEndpoint } from './endpoints/publicRooms'
import { confirmBookingEndpoint, convertBookingEndpoint, staffCancelEndpoint } from './endpoints/staff'
import { expireBookingHoldsTask } from './jobs/expireBookingHolds'
import { bookingLookupTask } from './jobs/sendBookingLookup'
import { BOOKING_OPTIONS_KEY, resolveBookingOptions } from './services/options'

// What other plugins may use (payments does): status changes, the customer's proof of a booking and the public
// endpoint wrapper, the staff booking loader, the booking row lock, the cancellation quote and the transition table
// (the dashboard's booking actions), the customer's emails, the overlap check;
// what holds a room over a window (the assistant's availability);
// the studio-hosts seam (domains registers which studio a Host serves) and the studio's page URL; the
// price-display seam (currency registers how a public booking's shown price is converted).
export { provenBooking, publicEndpoint } from './endpoints/public'
export { bookingFor } from './endpoints/staff'
export { statusChange } from './context'
export { lockBooking } from './services/bookingLock'
export { busyIntervals, cancellationQuote, namedOrHostStudio } from './services/publicBooking'
export { BLOCKING_STATUSES, canTransition } from './services/transitions'
export { notifyCustomer } from './services/lifecycle'
export { bookingOptionsFromEnv } from './services/options'
export { slotStillFree } from './services/roomLock'
export { freeSlots } from './services/availability'
export { addDays, formatInZone } from './services/zonedTime'
export { roomRules } from './services/publicBooking'
export { type PriceDisplay, type PriceDisplayConverter, registerPriceDisplay } from './services/priceDisplay'
export { registerStudioHosts, studioPageUrl } from './services/studioHosts'
export type { StudioHostResolver } from './services/studioHosts'
export type { BookingPluginOptions } from './types'

export const bookingPlugin =
  (options: BookingPluginOptions) =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    return {
      ...config,
      collections: [
        ...(config.collections ?? []),
        Rooms,
        BookingPolicies,
        { ...Bookings, endpoints: [confirmBookingEndpoint, convertBookingEndpoint, staffCancelEndpoint] },
        Sessions,
      ],
      custom: { ...config.custom, [BOOKING_OPTIONS_KEY]: resolveBookingOptions(options) },
      endpoints: [
        ...(config.endpoints ?? []),
        publicRoomsEndpoint,
        availabilityEndpoint,
        createBookingEndpoint,
        readBookingEndpoint,
        cancelQuoteEndpoint,
        cancelBookingEndpoint,
        confirmBookingByCustomerEndpoint,
        searchBookingsEndpoint,
        listBookingsEndpoint,
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), bookingLookupTask, expireBookingHoldsTask] },
    }
  }
