import type { TextField } from 'payload'

import { isCurrencyCode } from './validators'

export const currencyField = (overrides: Partial<TextField> & { name: string }): TextField => ({
  type: 'text',
  maxLength: 3,
  validate: (value: null | string | undefined) =>
    value == null || value === '' || isCurrencyCode(value) || 'Must be an ISO 4217 currency code, e.g. EUR.',
  ...overrides,
} as TextField)
