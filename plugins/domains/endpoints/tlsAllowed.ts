import type { Endpoint } from 'payload'

import { z } from 'zod'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { createRateLimiter } from '../../../utilities/rateLimit'
import { requestMeta } from '../../../utilities/requestMeta'
import { tenantForHost } from '../services/hostCache'
import { domainsOptions } from '../services/options'

const querySchema = z.object({ domain: z.string().min(1).max(300) })

// Caddy only reads the status: bodies stay empty.
const allowed = () => new Response(null, { status: 200 })
const refused = () => new Response(null, { status: 404 })

/**
 * GET /api/domains/tls-allowed?domain=: Caddy's on-demand TLS `ask`. 200 (empty) when Atelier serves the
 * hostname: a verified or active studio domain, or the platform's own host; 404 (empty) for anything else,
 * malformed input included. No login (Caddy sends none). `rateLimit` asks per client IP per minute, 429 beyond.
 * A collection endpoint on `domains`: Payload routes every /api/domains/* path to the collection.
 */
export const tlsAllowedEndpoint = ({ rateLimit }: { rateLimit: number }): Endpoint => {
  const limiter = createRateLimiter({ limit: rateLimit, name: 'tls-ask', onStoreError: 'allow', windowMs: 60_000 })
  return {
    handler: withErrorHandling(async (req) => {
      await limiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
      const query = querySchema.safeParse(Object.fromEntries(new URL(req.url ?? 'http://localhost/').searchParams))
      if (!query.success) return refused()
      const { platformHost } = domainsOptions(req.payload)
      if (query.data.domain.trim().toLowerCase().replace(/\.$/, '') === platformHost.toLowerCase()) return allowed()
      return (await tenantForHost(req.payload, query.data.domain)) ? allowed() : refused()
    }),
    method: 'get',
    path: '/tls-allowed',
  }
}
