import type { CollectionAfterErrorHook } from 'payload'

import { APIError } from 'payload'

import { errorBody, IllegalTransitionError, illegalTransitionBody, isExclusionViolation, slotTakenBody } from '../../../utilities/apiErrors'

/**
 * Payload's REST answers an exclusion violation with 500 (it means the slot is taken) and drops the
 * `code` of our own 409s (an illegal status change among them); all leave in the project's shape with their code.
 */
export const answerConflictsWithCode: CollectionAfterErrorHook = ({ error }) => {
  if (isExclusionViolation(error)) return { response: slotTakenBody(), status: 409 }
  if (error instanceof IllegalTransitionError) return { response: illegalTransitionBody(error), status: 409 }
  const code = error instanceof APIError ? (error.data as { code?: unknown } | null)?.code : undefined
  if (error instanceof APIError && error.status === 409 && typeof code === 'string') {
    return { response: errorBody([{ message: error.message }], { code }), status: 409 }
  }
  return undefined
}
