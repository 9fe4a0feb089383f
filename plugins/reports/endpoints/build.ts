import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { buildReport, reportFile } from '../services/build'
import { reportSpecSchema, type ReportSpec } from '../services/spec'

export const formatQuerySchema = z.object({ format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json') }).strict()

/** A built report as the response: JSON, or a file download named after the report and its period. */
export async function reportResponse(req: PayloadRequest, spec: ReportSpec, format: z.infer<typeof formatQuerySchema>['format']): Promise<Response> {
  if (format === 'json') return Response.json(await buildReport(req, spec), { headers: { 'Cache-Control': 'private, no-store' } })
  const file = await reportFile(req, spec, format)
  return new Response(file.body, {
    headers: {
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Type': file.contentType,
    },
  })
}

/**
 * POST /api/reports/build?format=json|csv|xlsx|pdf with a ReportSpec: the report for the caller's studio (or
 * every studio for a super admin), 400 on a spec naming anything the registry does not list, 403 without
 * `reports:read` (and `reports:export` for a file) and the source's read permission there.
 */
export const buildEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const { format } = parseQuery(req, formatQuerySchema)
    // Signed out: refused before the body is read and checked.
    if (!req.user) throw unauthorized()
    const spec = await parseBody(req, reportSpecSchema)
    return reportResponse(req, spec, format)
  }),
  method: 'post',
  path: '/reports/build',
}
