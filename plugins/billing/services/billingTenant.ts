// Which studio a billing call is about, and whether the caller may act on its billing (owners hold billing:*).
import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import type { Tenant } from '../../../payload-types'

import { CONTENT_LOCALES, type ContentLocale } from '../../../utilities/locales'
import { tenantForPermission } from '../../rbac'

export type BillingAction = 'manage' | 'read'

export const tenantParam = z.coerce.number().int().positive().optional()

/** `?locale=`: one of the content locales, for plan and pack names. */
export const localeParam = z.enum(CONTENT_LOCALES.map(({ code }) => code) as [ContentLocale, ...ContentLocale[]]).optional()

/** The tenant named by `?tenant=`, or the only one where the caller holds `billing:<action>` (see `tenantForPermission`). */
export const billingTenant = (req: PayloadRequest, tenantId: number | undefined, action: BillingAction): Promise<Tenant> => tenantForPermission(req, tenantId, 'billing', action)
