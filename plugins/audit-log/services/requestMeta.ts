// Who and where a request came from, for audit entries.
import type { PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

const requestIds = new WeakMap<object, string>()

export type RequestMeta = { ip: string | null; requestId: string; userAgent: string | null }

/** Behind a load balancer the client's address is the first X-Forwarded-For hop. */
export function requestMeta(req: Pick<PayloadRequest, 'headers'>): RequestMeta {
  const headers = req.headers
  const forwarded = headers?.get('x-forwarded-for')?.split(',')[0]?.trim()
  let requestId = headers?.get('x-request-id') ?? requestIds.get(req)
  if (!requestId) {
    requestId = randomUUID()
    requestIds.set(req, requestId)
  }
  return {
    ip: forwarded || headers?.get('x-real-ip') || null,
    requestId,
    userAgent: headers?.get('user-agent') ?? null,
  }
}
