// Which studio a billing call is about, and whether the caller may act on its billing (owners hold billing:*).
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Tenant } from '../../../payload-types'

import { forbidden, HttpError, unauthorized } from '../../../utilities/apiErrors'
import { findVisible } from '../../../utilities/findVisible'
import { CONTENT_LOCALES, type ContentLocale } from '../../../utilities/locales'
import { requirePermission, tenantsAllowing } from '../../rbac'

export type BillingAction = 'manage' | 'read'

export const tenantParam = z.coerce.number().int().positive().optional()

/** `?locale=`: one of the content locales, for plan and pack names. */
export const localeParam = z.enum(CONTENT_LOCALES.map(({ code }) => code) as [ContentLocale, ...ContentLocale[]]).optional()

/**
 * The tenant named by `?tenant=`, or the only one where the caller holds `billing:<action>`. 401 signed out;
 * 404 for a tenant they cannot see; 403 without the permission there; 400 `tenant_required` when several
 * are theirs and none is named.
 */
export async function billingTenant(req: PayloadRequest, tenantId: number | undefined, action: BillingAction): Promise<Tenant> {
  if (!req.user) throw unauthorized()
  let id = tenantId
  if (id === undefined) {
    const allowed = await tenantsAllowing(req, 'billing', action)
    if (allowed.length === 0) throw forbidden(`You need the billing:${action} permission.`)
    if (allowed.length > 1) {
      const message = 'Name the studio: ?tenant=<id>.'
      throw new HttpError(400, message, [{ message, path: 'tenant' }], { code: 'tenant_required' })
    }
    id = Number(allowed[0])
  }
  const tenant = await findVisible(req, 'tenants', id, 'Tenant not found.')
  await requirePermission(req, 'billing', action, tenant.id)
  return tenant
}
