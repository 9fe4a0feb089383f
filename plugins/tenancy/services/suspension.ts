// Suspended tenants: their members may sign in, read and export, but not change what belongs to them.
import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { idOf } from '../../../utilities/idOf'

export const TENANT_SUSPENDED = 'tenant_suspended'

type TenantRef = null | number | string | undefined | { id: number | string }

/** 403 `tenant_suspended`, from custom endpoints (`errorResponse`) and REST (`answerRestErrorsInProjectShape`), both reading `data.code`. */
export class TenantSuspendedError extends APIError {
  constructor() {
    super('This studio is suspended: its data can be read and exported, but not changed.', 403, { code: TENANT_SUSPENDED }, true)
    // Logged as Payload logs its own refusals (`loggingLevels.Forbidden` is info), not as a server error.
    this.name = 'Forbidden'
  }
}

/** Only signed-in people other than platform operators are held back; customers, webhooks and jobs act without a user. */
export const isHeldBySuspension = (req: PayloadRequest): boolean => Boolean(req.user) && !isSuperAdmin(req.user)

/**
 * Throws `TenantSuspendedError` when the request's user may not write to `tenant` because it is suspended.
 * Joins the request's transaction, so a status changed earlier in it counts.
 */
export async function refuseIfTenantSuspended(req: PayloadRequest, tenant: TenantRef): Promise<void> {
  const tenantId = idOf(tenant)
  if (!isHeldBySuspension(req) || tenantId === null || tenantId === undefined) return
  const found = await req.payload.findByID({
    id: tenantId,
    collection: 'tenants',
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
    select: { status: true },
  })
  if (found?.status === 'suspended') throw new TenantSuspendedError()
}
