// Admin view at /admin/calendar: the selected studio's bookings and sessions by room.
import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminViewTemplate } from '../../../utilities/admin/AdminViewTemplate'
import { StudioCalendar } from './StudioCalendar'

export function CalendarView(props: AdminViewServerProps) {
  return (
    <AdminViewTemplate {...props}>
      <StudioCalendar />
    </AdminViewTemplate>
  )
}
