// Who and where a request came from: for audit entries and for per-client rate limits and caps.
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { clientIp } from './clientIp'
import { atelierEnv } from './env'

const requestIds = new WeakMap<object, string>()

export type RequestMeta = { ip: string | null; requestId: string; userAgent: string | null }

/** Who sent the request: the address our proxies saw (see `clientIp`), user agent and request id. */
export function requestMeta(req: Pick<PayloadRequest, 'headers'>): RequestMeta {
  const headers = req.headers
  let requestId = headers?.get('x-request-id') ?? requestIds.get(req)
  if (!requestId) {
    requestId = randomUUID()
    requestIds.set(req, requestId)
  }
  return {
    // The number of proxies in front of the app does not change while it runs (atelierEnv keeps it).
    ip: clientIp(headers, atelierEnv().ATELIER_TRUSTED_PROXIES),
    requestId,
    userAgent: headers?.get('user-agent') ?? null,
  }
}
