// Reports: a safe query spec (ReportSpec) compiled to one parameterised SQL query over a registry of reportable
// fields, scoped to the caller's studios by construction; JSON with a chart, or CSV, XLSX and PDF streamed
// from a cursor without a row cap; predefined and saved templates; scheduled emails. List it after the
// plugins whose data it reads (booking, payments, billing, currency, audit-log is looked up at run time).
import type { Config } from 'payload'

import type { ReportsPluginOptions } from './types'

import { registerCapabilities } from '../rbac'
import { ReportTemplates } from './collections/ReportTemplates'
import { ScheduledReports } from './collections/ScheduledReports'
import { buildEndpoint } from './endpoints/build'
import { createScheduledReportEndpoint, scheduledReportsEndpoint } from './endpoints/scheduled'
import { buildTemplateEndpoint, saveTemplateEndpoint, templatesEndpoint } from './endpoints/templates'
import { dueScheduledReportsTask, sendScheduledReportTask } from './jobs/scheduledReports'
import { REPORTS_QUEUE } from './services/queueDueReports'

export { buildReport, reportFile } from './services/build'
export { reportSpecSchema, type ReportSpec } from './services/spec'
export { predefinedTemplate } from './services/templates'
export type { ReportAnswer, ReportColumn, ReportFormat, ReportRow, ReportsPluginOptions } from './types'

export const reportsPlugin =
  (options: ReportsPluginOptions = {}) =>
  (incomingConfig: Config): Config => {
    if (options.enabled === false) return incomingConfig
    const config = registerCapabilities(incomingConfig, { reports: ['read', 'export', 'read-personal'] })
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          afterNavLinks: [...(config.admin?.components?.afterNavLinks ?? []), '/plugins/reports/admin/ReportsNavLink#ReportsNavLink'],
          views: { ...config.admin?.components?.views, reports: { Component: '/plugins/reports/admin/ReportsView#ReportsView', path: '/reports' } },
        },
      },
      collections: [...(config.collections ?? []), ReportTemplates, ScheduledReports],
      endpoints: [...(config.endpoints ?? []), buildEndpoint, templatesEndpoint, saveTemplateEndpoint, buildTemplateEndpoint, scheduledReportsEndpoint, createScheduledReportEndpoint],
      jobs: {
        ...config.jobs,
        // Sends go out within a minute of the five-minute check that queues them, where the config runs jobs from a list.
        autoRun: Array.isArray(config.jobs?.autoRun) ? [...config.jobs.autoRun, { cron: '* * * * *', queue: REPORTS_QUEUE }] : config.jobs?.autoRun,
        tasks: [...(config.jobs?.tasks ?? []), dueScheduledReportsTask, sendScheduledReportTask],
      },
    }
  }
