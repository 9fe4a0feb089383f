// "Find my bookings": a link by email, then the bookings of that address.
import type { Endpoint } from 'payload'
import type { Tenant } from '../../../payload-types'

import { z } from 'zod'

import { parseQuery } from '../../../utilities/parseRequest'
import { queueLookup, verifyLookupToken } from '../services/lookup'
import { hostStudioId } from '../services/studioHosts'
import { publicBooking, publicEndpoint, publicRead } from './public'

export const LOOKUP_ANSWER = { message: 'If bookings exist for this address, a link to them is on its way by email.' }

/** GET /api/public/bookings/search?email= : always 202 and the same body; the link goes to the mailbox only. */
export const searchBookingsEndpoint: Endpoint = {
  handler: publicEndpoint(async (req) => {
    const { email } = parseQuery(req, z.object({ email: z.string().trim().toLowerCase().email().max(254) }).strict())
    await queueLookup(req, email)
    return Response.json(LOOKUP_ANSWER, { status: 202 })
  }),
  method: 'get',
  path: '/public/bookings/search',
}

/** GET /api/public/bookings?token= : the bookings of the address a lookup link was sent to (1 h). */
export const listBookingsEndpoint: Endpoint = {
  handler: publicRead(async (req) => {
    const { token } = parseQuery(req, z.object({ token: z.string().min(1).max(1000) }).strict())
    const email = verifyLookupToken(req, token)
    // On a studio's own domain, only that studio's bookings are there.
    const hostStudio = await hostStudioId(req)
    const { docs } = await req.payload.find({
      collection: 'bookings',
      depth: 1,
      limit: 100,
      overrideAccess: true,
      req,
      sort: '-start',
      where: { and: [{ 'customer.email': { equals: email } }, ...(hostStudio === null ? [] : [{ tenant: { equals: hostStudio } }])] },
    })
    return Response.json({
      bookings: docs.map((booking) => {
        const tenant = booking.tenant as Tenant
        const room = booking.room as { name: string }
        return { ...publicBooking(booking, tenant), room: room.name, studio: { name: tenant.name, slug: tenant.slug } }
      }),
      email,
    })
  }),
  method: 'get',
  path: '/public/bookings',
}
