'use client'
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { calendarText } from './calendarText'

/** A link to the calendar, under the collections in the admin navigation. */
export function CalendarNavLink() {
  const { i18n } = useTranslation()
  return (
    <a href="/admin/calendar" style={{ display: 'block', padding: '4px 0' }}>
      {calendarText(i18n.language).title}
    </a>
  )
}
