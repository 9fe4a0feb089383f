import type { PayloadRequest } from 'payload'

import { processCache } from '../../../utilities/processCaches'

// Time zones change rarely; caching them keeps the audit hooks to one extra write per change.
const zones = processCache<string, { expires: number; zone: string }>()
const TTL_MS = 60_000

export async function tenantTimeZone(req: PayloadRequest, tenantId: number | string): Promise<string | undefined> {
  const cached = zones.get(String(tenantId))
  if (cached && cached.expires > Date.now()) return cached.zone
  const tenant = await req.payload.findByID({ id: tenantId, collection: 'tenants', depth: 0, disableErrors: true, overrideAccess: true, req, select: { timezone: true } })
  if (!tenant?.timezone) return undefined
  zones.set(String(tenantId), { expires: Date.now() + TTL_MS, zone: tenant.timezone })
  return tenant.timezone
}

export const forgetTenantTimeZone = (tenantId: number | string) => zones.delete(String(tenantId))
