import type { Payload } from 'payload'

import type { DashboardPluginOptions } from '../types'

export const DASHBOARD_OPTIONS_KEY = 'atelierDashboard'

export type ResolvedDashboardOptions = { cacheMs: number }

export const resolveDashboardOptions = (options: DashboardPluginOptions): ResolvedDashboardOptions => ({ cacheMs: options.cacheMs ?? 30_000 })

export const dashboardOptions = (payload: Payload): ResolvedDashboardOptions => payload.config.custom[DASHBOARD_OPTIONS_KEY] as ResolvedDashboardOptions
