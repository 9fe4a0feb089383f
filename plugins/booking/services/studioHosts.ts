// The seam through which a studio's own hostnames reach the public pages and API. Booking owns the pages;
// the domains plugin, when present, registers which studio a Host serves and the studio's primary host.
import type { Config, Payload, PayloadRequest } from 'payload'

import type { Tenant } from '../../../payload-types'

import { HttpError } from '../../../utilities/apiErrors'
import { bookingOptions } from './options'

export type StudioHostResolver = {
  /** The studio's primary hostname while its domain is active; null otherwise. */
  primaryHostOf: (req: Pick<PayloadRequest, 'payload' | 'transactionID'>, tenantId: number) => Promise<null | string>
  /** The studio a Host header (port allowed) serves when it is a verified custom domain; null otherwise. */
  tenantForHost: (payload: Payload, host: string) => Promise<null | number>
}

const STUDIO_HOSTS_KEY = 'atelierStudioHosts'

/** Registers the resolver; later plugins call it from their config function. */
export const registerStudioHosts = (config: Config, resolver: StudioHostResolver): Config => ({
  ...config,
  custom: { ...config.custom, [STUDIO_HOSTS_KEY]: resolver },
})

const resolverOf = (payload: Payload) => payload.config.custom?.[STUDIO_HOSTS_KEY] as StudioHostResolver | undefined

/** The studio whose own domain this request came in on; null on the platform's hosts and unknown ones. */
export async function hostStudioId(req: PayloadRequest): Promise<null | number> {
  const resolver = resolverOf(req.payload)
  const host = req.headers.get('host')
  if (!resolver || !host) return null
  return resolver.tenantForHost(req.payload, host)
}

/** 400 `tenant_mismatch`: the request names another studio than the one its host serves. */
export function tenantMismatch(): HttpError {
  const message = 'This address belongs to another studio.'
  return new HttpError(400, message, [{ message, path: 'tenant' }], { code: 'tenant_mismatch' })
}

/**
 * The studio's booking page: on its primary domain while that is active (`https://host/`), else under the
 * platform's URL (`/<slug>/book`). One booking's page (`ref`) is always the platform's: its links carry
 * access codes, and a custom domain can change hands between two checks of its records.
 */
export async function studioPageUrl(req: Pick<PayloadRequest, 'payload' | 'transactionID'>, tenant: Pick<Tenant, 'id' | 'slug'>, ref?: null | string): Promise<string> {
  const base = `${bookingOptions(req.payload).publicUrl}/${tenant.slug}/book`
  if (ref) return `${base}/${encodeURIComponent(ref)}`
  const primary = await resolverOf(req.payload)?.primaryHostOf(req, tenant.id)
  return primary ? `https://${primary}/` : base
}
