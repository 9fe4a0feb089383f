// The booking's document view: its status field becomes the actions panel (pill, actions, history), served by
// GET /api/bookings/:id/actions. Attached here so the booking plugin stays unaware of the admin components.
import type { CollectionConfig, Config, Field } from 'payload'

import { bookingActionsEndpoint } from '../endpoints/bookingActions'

const BOOKING_ACTIONS = '/plugins/dashboard/admin/BookingActions#BookingActions'

const withActionsOnStatus = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (!('name' in field) || field.name !== 'status' || field.type !== 'select') return field
    return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: BOOKING_ACTIONS } } }
  })

export const withBookingDocumentActions = (config: Config): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection: CollectionConfig): CollectionConfig => {
    if (collection.slug !== 'bookings') return collection
    const endpoints = Array.isArray(collection.endpoints) ? collection.endpoints : []
    return { ...collection, endpoints: [...endpoints, bookingActionsEndpoint], fields: withActionsOnStatus(collection.fields) }
  }),
})
