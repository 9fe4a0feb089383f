import type { NumberFieldSingleValidation } from 'payload'

import { number } from 'payload/shared'

/**
 * A whole number within the field's own `min`/`max`. A custom `validate` replaces Payload's number check
 * (min, max, required), so this one runs it after its own.
 */
export const wholeNumber =
  (message: string): NumberFieldSingleValidation =>
  (value, options) =>
    value === null || value === undefined || Number.isInteger(value) ? number(value, options as Parameters<typeof number>[1]) : message
