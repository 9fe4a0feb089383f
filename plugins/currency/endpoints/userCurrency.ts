import type { Endpoint } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'

import { badRequest, withErrorHandling } from '../../../utilities/apiErrors'
import { parseBody } from '../../../utilities/parseRequest'
import { signedInUser } from '../../../utilities/signedInUser'
import { poolDb } from '../../../utilities/transactionDb'
import { SKIP_AUDIT } from '../../audit-log'

const putSchema = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'Three capital letters (ISO 4217), e.g. CAD.').nullable() }).strict()

/** GET /api/user/currency (signed in): `{ currency }`, the display currency, null for the studio's own. */
export const getUserCurrencyEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const found = await req.payload.findByID({ id: user.id, collection: 'users', depth: 0, overrideAccess: true, req, select: { displayCurrency: true } })
    return Response.json({ currency: found.displayCurrency ?? null })
  }),
  method: 'get',
  path: '/user/currency',
}

/** PUT /api/user/currency `{ currency }` (signed in): an active currency, or null to show amounts as they are. */
export const putUserCurrencyEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    const user = signedInUser(req)
    const { currency } = await parseBody(req, putSchema)
    if (currency) {
      const { rows } = (await poolDb(req.payload).execute(sql`select 1 from currencies where code = ${currency} and active`)) as { rows: unknown[] }
      if (rows.length === 0) throw badRequest(`${currency} is not an active currency.`, 'currency')
    }
    // Not audited: the entry would show studios a field only the person may read.
    await req.payload.update({ collection: 'users', context: { [SKIP_AUDIT]: true }, data: { displayCurrency: currency }, depth: 0, id: user.id, overrideAccess: true, req })
    return Response.json({ currency })
  }),
  method: 'put',
  path: '/user/currency',
}
