// The one way to write an audit entry: hooks and endpoints all come through here.
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { Changes } from './diff'

import { requestMeta } from '../../../utilities/requestMeta'
import { transactionDb } from '../../../utilities/transactionDb'

import { auditOptions } from './options'
import { hourIn, type RiskFacts, scoreRisk } from './risk'
import { tenantTimeZone } from './tenantTimeZone'

export const AUDIT_COLLECTION = 'audit-logs'
export const ALERT_TASK = 'auditAlert'

export type AuditInput = {
  action: string
  changes?: Changes
  collection?: string
  details?: Record<string, unknown>
  documentId?: number | string
  rowCount?: number
  /** The account concerned, e.g. the email of a failed login. */
  subject?: string
  tenant?: null | number | string
  /** The tenant's time zone when the caller has it at hand (saves a lookup). */
  tenantTimeZone?: string
  /** The acting user; defaults to the request's. */
  user?: null | number | string
}

type WriteOptions = {
  /** Write in a transaction of its own, e.g. for an entry about a request that failed and rolls back. */
  detached?: boolean
}

const since = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function gatherFacts(req: PayloadRequest, input: AuditInput, ip: null | string, tenantZone: string | undefined): Promise<RiskFacts> {
  const { risk } = auditOptions(req.payload)
  const count = async (where: object) =>
    (await req.payload.count({ collection: AUDIT_COLLECTION, overrideAccess: true, req, where: where as never })).totalDocs
  const recent = { createdAt: { greater_than: since(risk.windowMinutes) } }
  const facts: RiskFacts = {}
  if (tenantZone) facts.localHour = hourIn(new Date(), tenantZone)

  if (input.action === 'login_failed') {
    if (input.subject) facts.failedLoginsForAccount = 1 + (await count({ and: [recent, { action: { equals: 'login_failed' } }, { subject: { equals: input.subject } }] }))
    if (ip) facts.failedLoginsFromIp = 1 + (await count({ and: [recent, { action: { equals: 'login_failed' } }, { ip: { equals: ip } }] }))
  }
  if (input.action === 'login' && input.user && ip) {
    const logins = await count({ and: [{ action: { equals: 'login' } }, { user: { equals: input.user } }] })
    facts.newIpForUser = logins > 0 && (await count({ and: [{ action: { equals: 'login' } }, { user: { equals: input.user } }, { ip: { equals: ip } }] })) === 0
  }
  if (input.action === 'delete' && input.user) {
    facts.recentDeletesByUser = 1 + (await count({ and: [recent, { action: { equals: 'delete' } }, { user: { equals: input.user } }] }))
  }
  return facts
}

export async function writeAuditEntry(req: PayloadRequest, input: AuditInput, { detached = false }: WriteOptions = {}) {
  const options = auditOptions(req.payload)
  const meta = requestMeta(req)
  const user = input.user === undefined ? (req.user?.id ?? null) : input.user
  const tenant = input.tenant ?? null
  const zone = input.tenantTimeZone ?? (tenant === null ? undefined : await tenantTimeZone(req, tenant))
  const facts = await gatherFacts(req, { ...input, user }, meta.ip, zone)
  const { reasons, score } = scoreRisk(input, facts, options.risk)

  // One INSERT in the request's transaction: a Local API create would double the cost of every audited write.
  // The tenant is looked up, not assumed: deleting a tenant deletes its documents after its row has gone.
  const db = await transactionDb(detached ? { payload: req.payload } : req)
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value))
  const result = (await db.execute(sql`
    insert into audit_logs (action, actor, changes, collection, details, document_id, ip, request_id, risk_reasons,
                            risk_score, row_count, subject, tenant_id, user_id, user_agent, created_at, updated_at)
    values (${input.action}, ${req.user ? `${req.user.collection}:${req.user.id}` : 'anonymous'}, ${json(input.changes)}::jsonb,
            ${input.collection ?? null}, ${json(input.details)}::jsonb, ${input.documentId === undefined ? null : String(input.documentId)},
            ${meta.ip}, ${meta.requestId}, ${json(reasons)}::jsonb, ${score}, ${input.rowCount ?? null}, ${input.subject ?? null},
            ${tenant === null ? null : sql`(select id from tenants where id = ${Number(tenant)})`}, ${user === null ? null : Number(user)}, ${meta.userAgent}, now(), now())
    returning id`)) as { rows: { id: number }[] }
  const entry = { id: result.rows[0]!.id, riskScore: score }
  if (score >= options.alertThreshold && tenant !== null) {
    // Queued in the same transaction: no alert for an event that rolled back.
    await req.payload.jobs.queue({ input: { entryId: entry.id }, req: detached ? undefined : req, task: ALERT_TASK } as never)
  }
  return entry
}
