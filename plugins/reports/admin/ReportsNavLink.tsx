'use client'
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { reportsText } from './reportsText'

/** A link to the reports, under the collections in the admin navigation. */
export function ReportsNavLink() {
  const { i18n } = useTranslation()
  return (
    <a href="/admin/reports" style={{ display: 'block', padding: '4px 0' }}>
      {reportsText(i18n.language).title}
    </a>
  )
}
