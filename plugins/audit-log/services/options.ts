import type { Payload } from 'payload'

import type { AuditLogPluginOptions, ResolvedAuditLogOptions } from '../types'

import { DEFAULT_RISK_SETTINGS } from './risk'

export const AUDIT_OPTIONS_KEY = 'auditLog'

export const resolveOptions = (options: AuditLogPluginOptions): ResolvedAuditLogOptions => ({
  alertThreshold: options.alertThreshold ?? 70,
  excludeCollections: options.excludeCollections ?? [],
  retentionDays: options.retentionDays ?? 365,
  risk: { ...DEFAULT_RISK_SETTINGS, ...options.risk },
  sensitiveCollections: options.sensitiveCollections ?? ['users'],
})

export const auditOptions = (payload: Payload): ResolvedAuditLogOptions =>
  payload.config.custom?.[AUDIT_OPTIONS_KEY] as ResolvedAuditLogOptions
