// Dashboard: the studio's day in the panel. Figures and charts over one endpoint (SQL aggregates in the
// studio's timezone, cached briefly), shown above Payload's own dashboard; the calendar by room (its range
// endpoint and view); the booking's actions in its document view; the money, time and status cells every list uses. List it after the plugins whose
// collections it decorates (booking, payments).
import type { Config } from 'payload'

import type { DashboardPluginOptions } from './types'

import { CalendarFeeds } from './collections/CalendarFeeds'
import { calendarEventsEndpoint } from './endpoints/calendarEvents'
import { calendarFeedIcsEndpoint } from './endpoints/calendarFeedIcs'
import { createCalendarFeedEndpoint, revokeCalendarFeedEndpoint, rotateCalendarFeedEndpoint } from './endpoints/calendarFeeds'
import { dashboardEndpoint } from './endpoints/dashboard'
import { withAdminCells } from './services/adminCells'
import { withBookingDocumentActions } from './services/bookingDocument'
import { DASHBOARD_OPTIONS_KEY, resolveDashboardOptions } from './services/options'

export type { DashboardAnswer, DashboardPluginOptions, Money } from './types'

export const dashboardPlugin =
  (options: DashboardPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const config = withBookingDocumentActions(withAdminCells(incomingConfig))
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/plugins/dashboard/admin/CalendarNavLink#CalendarNavLink'],
          beforeDashboard: [...(config.admin?.components?.beforeDashboard ?? []), '/plugins/dashboard/admin/StudioDashboard#StudioDashboard'],
          views: { ...config.admin?.components?.views, calendar: { Component: '/plugins/dashboard/admin/CalendarView#CalendarView', path: '/calendar' } },
        },
      },
      collections: [...(config.collections ?? []), CalendarFeeds],
      custom: { ...config.custom, [DASHBOARD_OPTIONS_KEY]: resolveDashboardOptions(options) },
      endpoints: [
        ...(config.endpoints ?? []),
        dashboardEndpoint,
        calendarEventsEndpoint,
        createCalendarFeedEndpoint,
        rotateCalendarFeedEndpoint,
        revokeCalendarFeedEndpoint,
        calendarFeedIcsEndpoint(options.feedRateLimit ?? 60),
      ],
    }
  }
