// Calendar feeds: a person's subscription URL to one studio's (or one room's) bookings and sessions, for
// their phone's calendar. Written only by the feed endpoints (create, rotate, revoke), which show the token
// once; the token itself is never stored, only its peppered hash, which no API reads.
import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../../../access/nobody'
import { feedOwnerOrSuperAdmin } from './access/feedOwnerOrSuperAdmin'

export const CALENDAR_FEEDS_SLUG = 'calendar-feeds'

const serverWritten = { create: nobody, update: nobody }
const serverField = (field: Field): Field => ({ ...field, access: serverWritten, admin: { ...field.admin, readOnly: true } }) as Field

export const CalendarFeeds: CollectionConfig = {
  slug: CALENDAR_FEEDS_SLUG,
  access: {
    // Through POST /api/calendar/feeds, the only place the token is shown.
    create: nobody,
    delete: feedOwnerOrSuperAdmin,
    read: feedOwnerOrSuperAdmin,
    // Rotate and revoke have their own endpoints; nothing else about a feed changes.
    update: nobody,
  },
  admin: {
    // The person's own feeds with Create, Rotate and Revoke, above the list.
    components: { beforeListTable: ['/plugins/dashboard/admin/CalendarFeedsPanel#CalendarFeedsPanel'] },
    defaultColumns: ['name', 'room', 'user', 'revokedAt', 'lastFetchedAt'],
    description: 'Calendar subscriptions (iCal) for your phone: create, rotate and revoke them here.',
    group: 'Booking',
    useAsTitle: 'name',
  },
  // `customers`: the feed may name the customers of bookings. Feeds leave the platform (phones, calendar
  // providers), so it is a grant of its own beside bookings:read; the system roles that read bookings hold it.
  custom: { rbacActions: ['customers'], tenantScoped: true },
  defaultSort: '-createdAt',
  fields: [
    { name: 'name', type: 'text', maxLength: 120, required: true },
    // Empty: every room of the studio. A room of the feed's own studio (the tenancy plugin's filter checks it
    // against the final tenant on save); deleting the room deletes its feeds (the migration's cascade), so a
    // room feed never widens into a studio feed.
    serverField({ name: 'room', type: 'relationship', admin: { description: 'Empty: every room of the studio.' }, relationTo: 'rooms' }),
    serverField({ name: 'user', type: 'relationship', index: true, relationTo: 'users', required: true }),
    {
      name: 'tokenHash',
      type: 'text',
      access: { create: nobody, read: nobody, update: nobody },
      hidden: true,
      unique: true,
    },
    serverField({ name: 'revokedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } }),
    serverField({ name: 'lastFetchedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Updated at most hourly.' } }),
  ],
}
