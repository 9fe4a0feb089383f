// POST /signup/verify/confirm (the verify page's form): Payload's verify flow, a session cookie, and on to
// the onboarding wizard. A form from another site is refused: it could sign a visitor into someone's studio.
import config from '@payload-config'
import { getPayload } from 'payload'

import { verifyAndSignIn } from '../../../../../plugins/signup'
import { atelierEnv } from '../../../../../utilities/env'

// Relative: behind a proxy the request's own URL names the inner host, not the one the browser sees.
const redirect = (to: string, cookie?: string) => new Response(null, { headers: { Location: to, ...(cookie ? { 'Set-Cookie': cookie } : {}) }, status: 303 })

export async function POST(request: Request): Promise<Response> {
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  const ownOrigins = [new URL(request.url).origin, new URL(atelierEnv().ATELIER_PUBLIC_URL).origin]
  if ((site && site !== 'same-origin' && site !== 'none') || (origin && !ownOrigins.includes(origin))) {
    return Response.json({ errors: [{ message: 'Cross-site request refused.' }] }, { status: 403 })
  }
  const form = await request.formData().catch(() => null)
  const token = form?.get('token')
  if (typeof token !== 'string' || !/^[0-9a-f]{20,128}$/.test(token)) return redirect('/signup/verify?error=invalid')
  const cookie = await verifyAndSignIn(await getPayload({ config }), token)
  return cookie ? redirect('/onboarding', cookie) : redirect('/signup/verify?error=invalid')
}
