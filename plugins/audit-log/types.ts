import type { RiskSettings } from './services/risk'

export type AuditLogPluginOptions = {
  /**
   * Entries scoring at or above this email the tenant's owners.
   * @default 70
   */
  alertThreshold?: number
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
  /**
   * Collections that are never audited (the audit log itself always is excluded).
   * @default []
   */
  excludeCollections?: string[]
  /**
   * Days an entry is kept when its tenant sets no retention.
   * @default 365
   */
  retentionDays?: number
  /** Thresholds of the risk rules. */
  risk?: Partial<RiskSettings>
  /**
   * Collections whose single-document reads (`GET /api/<slug>/:id`) are audited as `view`.
   * @default ['users']
   */
  sensitiveCollections?: string[]
}

export type ResolvedAuditLogOptions = Required<Omit<AuditLogPluginOptions, 'enabled' | 'risk'>> & { risk: RiskSettings }
