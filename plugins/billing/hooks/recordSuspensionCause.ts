import type { CollectionBeforeChangeHook } from 'payload'

import type { Tenant } from '../../../payload-types'

import { isSuperAdmin } from '../../../access/isSuperAdmin'

/**
 * An operator suspending a studio by hand marks it so: billing then never reopens it on a payment. Reopening
 * clears the mark. Billing's own writes (webhooks, jobs: no user) set the cause themselves.
 */
export const recordSuspensionCause: CollectionBeforeChangeHook<Tenant> = ({ data, originalDoc, req }) => {
  if (!data.status || data.status === originalDoc?.status) return data
  if (data.status !== 'suspended') return { ...data, suspendedFor: null }
  return isSuperAdmin(req.user) ? { ...data, suspendedFor: 'operator' } : data
}
