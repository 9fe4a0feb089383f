// Admin view at /admin/reports: predefined and custom reports of the selected studio, their table and chart,
// downloads, and schedules.
import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminViewTemplate } from '../../../utilities/admin/AdminViewTemplate'
import { ReportsPage } from './ReportsPage'

export function ReportsView(props: AdminViewServerProps) {
  return (
    <AdminViewTemplate {...props}>
      <ReportsPage />
    </AdminViewTemplate>
  )
}
