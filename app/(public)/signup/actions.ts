'use server'
// The /signup form's server action: the same schema and service as POST /api/signup, so the page works
// before (or without) JavaScript.
import config from '@payload-config'
import { headers } from 'next/headers'
import { createLocalReq, getPayload } from 'payload'

import { signUp, signupSchema } from '../../../plugins/signup'
import { errorResponse } from '../../../utilities/apiErrors'
import { SIGNUP_FIELDS, type SignupFormState } from './formState'

export async function signupAction(_previous: SignupFormState, form: FormData): Promise<SignupFormState> {
  const values = Object.fromEntries(SIGNUP_FIELDS.map((name) => [name, String(form.get(name) ?? '')]))
  // Optional fields left empty are absent, as in the JSON API.
  const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))
  const { password: _password, ...kept } = values
  const parsed = signupSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {}
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message
    return { fieldErrors, status: 'invalid', values: kept }
  }
  const payload = await getPayload({ config })
  const req = await createLocalReq({ req: { headers: await headers() } }, payload)
  try {
    await signUp(req, parsed.data)
    return { email: parsed.data.email, status: 'sent' }
  } catch (error) {
    const body = (await errorResponse(error, req).json()) as { errors: { message: string; path?: string }[] }
    const fieldErrors: Record<string, string> = {}
    for (const entry of body.errors) fieldErrors[entry.path ?? 'form'] ??= entry.message
    return { fieldErrors, status: 'invalid', values: kept }
  }
}
