import type { Endpoint } from 'payload'

import { withErrorHandling } from '../../../utilities/apiErrors'
import { inTransaction } from '../../../utilities/inTransaction'
import { parseBody, parseQuery } from '../../../utilities/parseRequest'
import { onboardingPatchSchema, onboardingQuerySchema } from '../services/onboardingSchemas'
import { onboardingState } from '../services/onboardingState'
import { answerStep } from '../services/onboardingSteps'
import { onboardingTenant, requireSignedIn } from '../services/onboardingTenant'

const noStore = { 'Cache-Control': 'no-store' }

/**
 * GET /api/onboarding?tenant=<id> : the wizard's state for a studio the caller may update (owners, admins):
 * `{ tenant, onboarding: { step, completed, skipped, completedAt }, steps, currency: { code, exponent },
 * prefill: { welcome, room, pricing, staff, plan }, publicBookingUrl }`. `tenant` may be left out when the
 * caller manages exactly one studio (400 `tenant_required`, with the candidates, when several). 401 signed
 * out, 403 without `tenants:update` there, 404 for a studio the caller cannot see.
 */
export const onboardingEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    requireSignedIn(req)
    const { tenant: tenantId } = parseQuery(req, onboardingQuerySchema)
    const tenant = await onboardingTenant(req, tenantId)
    return Response.json(await onboardingState(req, tenant), { headers: noStore })
  }),
  method: 'get',
  path: '/onboarding',
}

/**
 * PATCH /api/onboarding `{ tenant?, step, action: 'complete' | 'skip', data? }` : completing a step writes its
 * `data` (welcome: the studio; room: the first room; pricing: the default policy; staff: invitations; plan: the
 * choice), skipping writes nothing; either is recorded and the answer is the new state, as GET gives it. One
 * transaction. 400 with field paths (`data.name`, `data.invites.0.email`) for bad input; 401, 403, 404 as GET.
 */
export const updateOnboardingEndpoint: Endpoint = {
  handler: withErrorHandling(async (req) => {
    requireSignedIn(req)
    const { action, data, step, tenant: tenantId } = await parseBody(req, onboardingPatchSchema)
    const state = await inTransaction(req, async () => {
      const tenant = await onboardingTenant(req, tenantId)
      return onboardingState(req, await answerStep(req, tenant, step, action, data))
    })
    return Response.json(state, { headers: noStore })
  }),
  method: 'patch',
  path: '/onboarding',
}
