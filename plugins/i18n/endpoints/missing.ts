import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseQuery } from '../../../utilities/parseRequest'
import { LANGUAGE_CODES } from '../../../utilities/locales'
import { poolDb } from '../../../utilities/transactionDb'
import { requirePermission } from '../../rbac'
import { resolvedMessages } from '../services/lookup'
import { NAMESPACES } from '../services/namespaces'

const query = z
  .object({
    locale: z.enum(LANGUAGE_CODES),
    namespace: z.enum(NAMESPACES),
    // A studio's report; without one (super admins only), the platform's own.
    tenant: z.coerce.number().int().positive().max(2 ** 31 - 1).optional(),
  })
  .strict()

/**
 * GET /api/i18n/missing?locale=&namespace=&tenant= (`translations:read` there): every key with no value in
 * that locale for that studio, neither its own nor the platform's, where its fallback comes from, and the
 * rows to fill it in (`studioId`, the studio's override when there is one; `platformId`).
 */
export const missingTranslationsEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    if (!req.user) throw unauthorized()
    const { locale, namespace, tenant } = parseQuery(req, query)
    if (tenant !== undefined || !isSuperAdmin(req.user)) await requirePermission(req, 'translations', 'read', tenant ?? null)
    const tenantId = tenant ?? null
    // Each key once, with the ids of its platform row and of this studio's override, for the links to edit them.
    const { rows } = (await poolDb(req.payload).execute(sql`
      select key, max(id) filter (where tenant_id is null) as "platformId", ${tenantId === null ? sql`null::int` : sql`max(id) filter (where tenant_id = ${tenantId})`} as "studioId"
      from translations
      where namespace = ${namespace} and (tenant_id is null ${tenantId === null ? sql`` : sql`or tenant_id = ${tenantId}`})
      group by key order by key`)) as { rows: { key: string; platformId: null | number; studioId: null | number }[] }
    const resolved = await resolvedMessages(req.payload, { locale, namespace, tenantId })
    const missing = rows
      .filter(({ key }) => resolved[key]?.source.locale !== locale)
      .map(({ key, platformId, studioId }) => ({ fallback: resolved[key] ? { ...resolved[key].source, value: resolved[key].value } : null, key, platformId, studioId }))
    return Response.json({ locale, missing, namespace, tenant: tenantId, total: rows.length })
  }),
  method: 'get',
  path: '/i18n/missing',
}
