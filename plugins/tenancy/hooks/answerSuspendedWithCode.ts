import type { AfterErrorHook } from 'payload'

import { APIError } from 'payload'

import { errorBody } from '../../../utilities/apiErrors'
import { TENANT_SUSPENDED } from '../services/suspension'

/** Payload's REST drops an APIError's `code`: a refusal for a suspended tenant leaves as 403 with `code: 'tenant_suspended'`. */
export const answerSuspendedWithCode: AfterErrorHook = ({ error }) => {
  const code = error instanceof APIError ? (error.data as { code?: unknown } | null)?.code : undefined
  return code === TENANT_SUSPENDED ? { response: errorBody([{ message: error.message }], { code }), status: 403 } : undefined
}
