import type { PayloadRequest } from 'payload'

import Stripe from 'stripe'

import { HttpError } from '../../../utilities/apiErrors'
import { describeStripeError } from '../../payments'

/** Stripe refusing a request becomes a 409 the owner can read; Stripe unreachable, a 502. Others pass through. */
export async function answeringStripeErrors<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error
    req.payload.logger.warn({ msg: `Stripe refused a billing request: ${describeStripeError(error)}` })
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
      throw new HttpError(409, `The payment provider refused: ${error.message}`, [{ message: `The payment provider refused: ${error.message}` }], { code: 'stripe_refused' })
    }
    throw new HttpError(502, 'The payment provider could not be reached; please try again.')
  }
}
