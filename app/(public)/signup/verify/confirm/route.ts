// POST /signup/verify/confirm `token`, `password` (the verify page's form): Payload's verify flow and login,
// then on to the onboarding wizard. A form from another site is refused: it could sign a visitor into someone's studio.
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
  const password = form?.get('password')
  if (typeof token !== 'string' || !/^[0-9a-f]{20,128}$/.test(token)) return redirect('/signup/verify?error=invalid')
  if (typeof password !== 'string' || password.length === 0 || password.length > 256) return redirect(`/signup/verify?token=${token}&error=wrong_password`)
  const outcome = await verifyAndSignIn(await getPayload({ config }), token, password)
  if (outcome.status === 'signed_in') return redirect('/onboarding', outcome.cookie)
  return redirect(outcome.status === 'invalid' ? '/signup/verify?error=invalid' : `/signup/verify?token=${token}&error=${outcome.status}`)
}
