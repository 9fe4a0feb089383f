import type { CollectionAfterErrorHook } from 'payload'

import { IllegalTransitionError, illegalTransitionBody, isExclusionViolation, slotTakenBody } from '../../../utilities/apiErrors'

/**
 * Payload's REST answers an exclusion violation with 500 (it means the slot is taken), and an illegal status
 * change needs its `code`; both leave as 409 in the project's shape.
 */
export const answerConflictsWithCode: CollectionAfterErrorHook = ({ error }) => {
  if (isExclusionViolation(error)) return { response: slotTakenBody(), status: 409 }
  if (error instanceof IllegalTransitionError) return { response: illegalTransitionBody(error), status: 409 }
  // Other refusals with a code (409s among them): the config's answerRestErrorsInProjectShape.
  return undefined
}
