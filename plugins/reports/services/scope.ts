// Whose rows a report may read: decided from the caller's permissions, never from the spec alone. The spec may
// name a studio; the caller must then hold `reports:read` (and `reports:export` for a file) and the source's own
// read permission there, so that a report never shows what the collection would hide.
import type { PayloadRequest } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { badRequest, forbidden, HttpError, unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { requirePermission, resourceOf, tenantsAllowing } from '../../rbac'
import { SOURCES, type SourceDef } from './sources'

export type ReportScope = {
  /** May read the registry's personal fields (`reports:read-personal`). */
  personal: boolean
  source: SourceDef
  /** The one studio, or null for every studio (super admins only). */
  tenant: { id: number; name: string; timezone: string } | null
}

export type ScopeAction = 'export' | 'read'

/** The RBAC resources the source's collections are read as (refunds → `payments`), or null when one is missing. */
function readResources(req: PayloadRequest, source: SourceDef): null | string[] {
  const resources = source.collections.map((slug) => req.payload.config.collections.find((collection) => collection.slug === slug))
  return resources.every(Boolean) ? [...new Set(resources.map((collection) => resourceOf(collection!)))] : null
}

async function checkedStudio(req: PayloadRequest, tenantId: number, resources: string[], action: ScopeAction) {
  const tenant = await findVisible(req, 'tenants', tenantId, 'Tenant not found.')
  await requirePermission(req, 'reports', 'read', tenant.id)
  if (action === 'export') await requirePermission(req, 'reports', 'export', tenant.id)
  for (const resource of resources) await requirePermission(req, resource, 'read', tenant.id)
  return tenant
}

/** The studio where the caller may run this report when they name none: their only one, or 400 `tenant_required`. */
async function onlyStudio(req: PayloadRequest, resources: string[]): Promise<number> {
  let both = await tenantsAllowing(req, 'reports', 'read')
  for (const resource of resources) {
    const readable = new Set(await tenantsAllowing(req, resource, 'read'))
    both = both.filter((id) => readable.has(id))
  }
  if (both.length === 0) throw forbidden(`You need the reports:read and ${resources.map((resource) => `${resource}:read`).join(', ')} permissions.`)
  if (both.length > 1) {
    const message = 'Name the studio: "tenant": <id>.'
    throw new HttpError(400, message, [{ message, path: 'tenant' }], { code: 'tenant_required' })
  }
  return Number(both[0])
}

export async function reportScope(req: PayloadRequest, spec: { source: string; tenant?: number }, action: ScopeAction): Promise<ReportScope> {
  if (!req.user) throw unauthorized()
  const source = SOURCES[spec.source]
  const resources = source ? readResources(req, source) : null
  if (!source || !resources) throw badRequest(`The source "${spec.source}" is not available here.`, 'source')
  const superAdmin = isSuperAdmin(req.user)
  if (spec.tenant === undefined && superAdmin) return { personal: true, source, tenant: null }
  const tenantId = spec.tenant ?? (await onlyStudio(req, resources))
  const tenant = await checkedStudio(req, tenantId, resources, action)
  const personal = superAdmin || (await tenantsAllowing(req, 'reports', 'read-personal')).includes(String(tenant.id))
  return { personal, source, tenant: { id: tenant.id, name: tenant.name, timezone: tenant.timezone ?? 'UTC' } }
}
