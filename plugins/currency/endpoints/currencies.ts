import type { Endpoint } from 'payload'

import { z } from 'zod'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { forbidden, HttpError, unauthorized, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { createRateLimiter } from '../../../utilities/rateLimit'
import { requestMeta } from '../../../utilities/requestMeta'
import { convertAmount, rebase } from '../services/convert'
import { currencyOptions, PROVIDER } from '../services/options'
import { latestRates, ratesOn } from '../services/rateCache'
import { RatesRefreshError, refreshRates } from '../services/refreshRates'
import { isStale } from '../services/staleness'

const code = z.string().regex(/^[A-Z]{3}$/, 'Three capital letters (ISO 4217), e.g. EUR.')
const pastDate = z.iso.date().refine((date) => date <= new Date().toISOString().slice(0, 10), 'A date today or before.')

const convertSchema = z
  .object({ amount: z.number().int('Whole minor units.').min(0).max(Number.MAX_SAFE_INTEGER), date: pastDate.optional(), from: code, to: code })
  .strict()

// Public and cheap (rates are cached in process): the limit keeps a single client from hogging it or from
// cycling through past dates to keep the cache cold. Shared by convert and rates.
const convertLimiter = createRateLimiter({ limit: 600, name: 'currency-convert', onStoreError: 'allow', windowMs: 60_000 })

/** POST /api/currencies/convert `{ amount, from, to, date? }` (anyone): `{ amount, currency, rate, rateDate, provider }`. */
export const convertEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    await convertLimiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
    const body = await parseBody(req, convertSchema)
    return Response.json(await convertAmount(req.payload, body))
  }),
  method: 'post',
  path: '/convert',
}

const ratesQuery = z.object({ base: code.default('EUR'), date: pastDate.optional() }).strict()

/** GET /api/currencies/rates?date=&base= (anyone, same limit as convert): the active currencies' rates per 1 `base`, and whether they are stale. */
export const ratesEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    await convertLimiter.consume(req.payload, requestMeta(req).ip ?? 'unknown')
    const query = parseQuery(req, ratesQuery)
    const table = query.date ? await ratesOn(req.payload, query.date) : await latestRates(req.payload)
    if (!table) throw new HttpError(404, 'No exchange rates are known for that day yet.')
    const stale = isStale(table.date, query.date ?? new Date(), currencyOptions(req.payload).maxAgeDays)
    return Response.json({ base: query.base, date: table.date, provider: PROVIDER, rates: rebase(table.rates, query.base), stale })
  }),
  method: 'get',
  path: '/rates',
}

/** POST /api/currencies/rates/refresh (super admins, `rateLimit` an hour each): `{ date, inserted }`; 502 when the answer is refused. */
export const refreshEndpoint = ({ rateLimit }: { rateLimit: number }): Endpoint => {
  const limiter = createRateLimiter({ limit: rateLimit, name: 'currency-refresh', onStoreError: 'allow', windowMs: 3_600_000 })
  return {
    handler: withErrorHandling(async (req) => {
      if (!req.user) throw unauthorized()
      if (!isSuperAdmin(req.user)) throw forbidden('Only platform operators refresh exchange rates.')
      await limiter.consume(req.payload, `${req.user.collection}:${req.user.id}`)
      try {
        return Response.json(await refreshRates(req))
      } catch (error) {
        if (error instanceof RatesRefreshError) throw new HttpError(502, error.message, undefined, { code: 'rates_refresh_failed' })
        throw error
      }
    }),
    method: 'post',
    path: '/rates/refresh',
  }
}
