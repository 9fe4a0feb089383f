import type { Endpoint, Where } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { tenantForPermission } from '../../rbac'
import { MAX_RECIPIENTS, SCHEDULED_REPORTS_SLUG } from '../collections/ScheduledReports'
import { scheduleRuleSchema } from '../services/schedule'

const id = z.number().int().positive().max(2 ** 31 - 1)
const queryId = z.coerce.number().int().positive().max(2 ** 31 - 1)

const listQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(100), page: queryId.default(1), tenant: queryId.optional() })
  .strict()

/**
 * GET /api/reports/scheduled?tenant=&page=&limit=: the schedules the caller may read (scheduled-reports:read),
 * in one studio or all of theirs, newest first. 401 signed out.
 */
export const scheduledReportsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { limit, page, tenant } = parseQuery(req, listQuerySchema)
    const where: Where | undefined = tenant === undefined ? undefined : { tenant: { equals: tenant } }
    const found = await req.payload.find({ collection: SCHEDULED_REPORTS_SLUG, depth: 0, limit, overrideAccess: false, page, req, sort: '-createdAt', user: req.user, where })
    const { docs, hasNextPage, totalDocs } = found
    return Response.json({ docs, hasNextPage, page: found.page ?? page, totalDocs }, { headers: { 'Cache-Control': 'private, no-store' } })
  }),
  method: 'get',
  path: '/reports/scheduled',
}

// The rule's fields are checked by the rule schema itself (below), so that its messages name each field.
const createBodySchema = z
  .object({
    active: z.boolean().optional(),
    dayOfMonth: z.unknown().optional(),
    format: z.enum(['csv', 'xlsx', 'pdf'], 'format must be csv, xlsx or pdf.'),
    frequency: z.unknown(),
    name: z.string().trim().min(1).max(120),
    recipients: z.array(id).min(1, 'Name at least one recipient.').max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients.`),
    savedTemplate: id.optional(),
    sendAt: z.unknown(),
    template: z.string().min(1).max(64).optional(),
    tenant: id.optional(),
    weekday: z.unknown().optional(),
  })
  .strict()
  .refine((body) => (body.template === undefined) !== (body.savedTemplate === undefined), {
    message: 'Name one report: "template" (a predefined key) or "savedTemplate" (an id), not both.',
    path: ['template'],
  })

/**
 * POST /api/reports/scheduled with { name, template | savedTemplate, format, frequency, weekday?, dayOfMonth?,
 * sendAt, recipients, active?, tenant? }: a schedule in the caller's studio (or the one named), owned by the
 * caller, who needs scheduled-reports:create there (403) and reports:export for its report (403). 201 { doc }
 * with its nextRunAt; 400 for a bad rule, an unknown report or recipients outside the studio.
 */
export const createScheduledReportEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { dayOfMonth, frequency, sendAt, tenant: tenantId, weekday, ...body } = await parseBody(req, createBodySchema)
    // The zone does not change whether a rule is valid; the collection computes the next run in the studio's.
    const rule = scheduleRuleSchema.parse(Object.fromEntries(Object.entries({ dayOfMonth, frequency, sendAt, timezone: 'UTC', weekday }).filter(([, value]) => value !== undefined)))
    const tenant = await tenantForPermission(req, tenantId, SCHEDULED_REPORTS_SLUG, 'create')
    const { timezone: _zone, ...ruleFields } = rule
    const doc = await req.payload.create({
      collection: SCHEDULED_REPORTS_SLUG,
      // The owner is set by the collection (setScheduleOwner) from the user; field access drops this value.
      data: { ...body, ...ruleFields, owner: req.user.id, tenant: tenant.id },
      depth: 0,
      overrideAccess: false,
      req,
      user: req.user,
    })
    return Response.json({ doc }, { status: 201 })
  }),
  method: 'post',
  path: '/reports/scheduled',
}
