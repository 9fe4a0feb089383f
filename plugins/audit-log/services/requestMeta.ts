// Who and where a request came from, for audit entries.
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import { clientIp } from '../../../utilities/clientIp'
import { loadEnv } from '../../../utilities/env'

const requestIds = new WeakMap<object, string>()

export type RequestMeta = { ip: string | null; requestId: string; userAgent: string | null }

// Read once: the number of proxies in front of the app does not change while it runs.
const trustedProxies = loadEnv().ATELIER_TRUSTED_PROXIES

/** Who sent the request: the address our proxies saw (see `clientIp`), user agent and request id. */
export function requestMeta(req: Pick<PayloadRequest, 'headers'>): RequestMeta {
  const headers = req.headers
  let requestId = headers?.get('x-request-id') ?? requestIds.get(req)
  if (!requestId) {
    requestId = randomUUID()
    requestIds.set(req, requestId)
  }
  return {
    ip: clientIp(headers, trustedProxies),
    requestId,
    userAgent: headers?.get('user-agent') ?? null,
  }
}
