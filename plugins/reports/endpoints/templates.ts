import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { badRequest, forbidden, notFound, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { idOf } from '../../../utilities/idOf'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { tenantForPermission } from '../../rbac'
import { savedSpecSchema } from '../services/savedSpec'
import { reportScope } from '../services/scope'
import { defaultPeriodAt, PREDEFINED_TEMPLATES, predefinedTemplate } from '../services/templates'
import { formatQuerySchema, reportResponse } from './build'
import type { ReportSpec } from '../services/spec'

const tenantId = z.coerce.number().int().positive().max(2 ** 31 - 1)

/** GET /api/reports/templates?tenant=: the predefined reports, each with its default period in the studio's zone. */
export const templatesEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { tenant } = parseQuery(req, z.object({ tenant: tenantId.optional() }).strict())
    if (!req.user) throw unauthorized()
    const zone = tenant === undefined ? 'UTC' : ((await findVisible(req, 'tenants', tenant, 'Tenant not found.')).timezone ?? 'UTC')
    const templates = PREDEFINED_TEMPLATES.map(({ defaultPeriod, ...template }) => ({ ...template, spec: { ...template.spec, period: defaultPeriodAt(defaultPeriod, zone) } }))
    return Response.json({ templates }, { headers: { 'Cache-Control': 'private, no-store' } })
  }),
  method: 'get',
  path: '/reports/templates',
}

const saveBodySchema = z
  .object({ description: z.string().max(500).optional(), name: z.string().trim().min(1).max(120), spec: savedSpecSchema, tenant: tenantId.optional() })
  .strict()

/** POST /api/reports/templates/saved: a studio's own report, saved with the caller's `report-templates:create`. */
export const saveTemplateEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const body = await parseBody(req, saveBodySchema)
    const tenant = await tenantForPermission(req, body.tenant, 'report-templates', 'create')
    const doc = await req.payload.create({
      collection: 'report-templates',
      data: { description: body.description, name: body.name, spec: body.spec, tenant: tenant.id },
      depth: 0,
      overrideAccess: false,
      req,
      user: req.user,
    })
    return Response.json({ doc }, { status: 201 })
  }),
  method: 'post',
  path: '/reports/templates/saved',
}

const buildQuerySchema = formatQuerySchema.extend({ from: z.iso.date().optional(), tenant: tenantId.optional(), to: z.iso.date().optional() })

async function templateSpec(req: PayloadRequest, id: string, query: z.infer<typeof buildQuerySchema>): Promise<ReportSpec> {
  const period = query.from && query.to ? { from: query.from, to: query.to } : undefined
  if (query.from && query.to && query.from >= query.to) throw badRequest('`from` must come before `to`.', 'to')
  if (/^\d+$/.test(id)) {
    if (query.tenant !== undefined) throw badRequest('A saved report runs for its own studio.', 'tenant')
    const saved = await findVisible(req, 'report-templates', Number(id), 'Report not found.')
    const spec = savedSpecSchema.parse(saved.spec)
    return { ...spec, tenant: Number(idOf(saved.tenant)), title: spec.title ?? saved.name, ...(period ? { period } : {}) }
  }
  const template = predefinedTemplate(id)
  if (!template) throw notFound('Report not found.')
  const spec: ReportSpec = { ...template.spec, ...(query.tenant === undefined ? {} : { tenant: query.tenant }) }
  if (period) return { ...spec, period }
  const scope = await reportScope(req, spec, 'read')
  if (template.personal && !scope.personal) throw forbidden('This report names customers: it needs the reports:read-personal permission.')
  return { ...spec, period: defaultPeriodAt(template.defaultPeriod, scope.tenant?.timezone ?? 'UTC') }
}

/**
 * GET /api/reports/templates/:id/build?format=&from=&to=&tenant=: a saved report (a numeric id) or a
 * predefined one (its key, e.g. `revenue-by-month`, for `tenant`), over its default period or [from, to).
 */
export const buildTemplateEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const query = parseQuery(req, buildQuerySchema)
    if (!req.user) throw unauthorized()
    const { id } = z.object({ id: z.string().min(1).max(64) }).parse(req.routeParams)
    return reportResponse(req, await templateSpec(req, id, query), query.format)
  }),
  method: 'get',
  path: '/reports/templates/:id/build',
}
