import type { Endpoint, PayloadHandler } from 'payload'

import { z } from 'zod'

import { badRequest, HttpError, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { createRateLimiter, type RateLimiter } from '../../../utilities/rateLimit'
import { requestMeta } from '../../../utilities/requestMeta'
import { sitesOptions } from '../services/options'
import { registerSite } from '../services/registration'
import { bareHost, checkSiteUrl, normaliseSiteUrl, siteUrlString } from '../services/siteUrl'

// The wire format of the existing site template; unknown keys are ignored, as the old platform did.
const registrationSchema = z.object({
  // Sent back in an HTTP header (X-Site-Key): visible ASCII only.
  api_key: z.string().min(32, 'api_key must be at least 32 characters.').max(512).regex(/^[\x21-\x7e]+$/, 'api_key must be visible ASCII characters.'),
  auto_registered: z.boolean().default(true),
  site_name: z.string().trim().min(1, 'site_name must not be empty.').max(255, 'site_name must be at most 255 characters.'),
  site_url: z.string().trim().min(1).max(2048),
})

/** The template reads `success` and `error`; the project's `errors` array stays beside them. */
export const withTemplateErrorFields =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    const response = await handler(req)
    if (response.status < 400) return response
    const body = (await response.json()) as { errors?: { message: string }[] }
    return Response.json({ ...body, error: body.errors?.[0]?.message ?? 'Request failed.', success: false }, { headers: response.headers, status: response.status })
  }

const bearerToken = (header: null | string) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1]

export const registerEndpoint = (limiter: RateLimiter): Endpoint => ({
  handler: withTemplateErrorFields(
    withErrorHandling(async (req) => {
      await limiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
      const body = await parseBody(req, registrationSchema)
      const options = sitesOptions(req.payload)
      const url = normaliseSiteUrl(body.site_url)
      if (!url) throw badRequest('site_url must be an absolute https URL.', 'site_url')
      const verdict = checkSiteUrl(url, options)
      if (!verdict.ok) throw new HttpError(verdict.status, verdict.message, [{ message: verdict.message, path: 'site_url' }])
      const result = await registerSite(
        req,
        { apiKey: body.api_key, autoRegistered: body.auto_registered, host: bareHost(url), siteName: body.site_name, siteUrl: siteUrlString(url) },
        { siteKey: req.headers.get('x-site-key') ?? undefined, token: bearerToken(req.headers.get('authorization')) },
      )
      return Response.json(
        {
          message: result.updated ? 'Site registration updated.' : 'Site registered.',
          site_id: result.siteId,
          success: true,
          updated: result.updated,
        },
        { status: result.updated ? 200 : 201 },
      )
    }),
  ),
  method: 'post',
  path: '/register',
})

export const createRegisterEndpoint = (perMinute: number) =>
  registerEndpoint(createRateLimiter({ limit: perMinute, name: 'site-registration', onStoreError: 'allow', windowMs: 60_000 }))
