// Our minor units against Stripe's: zero-decimal, three-decimal (last digit 0) and ISK (two decimals at Stripe).
import { describe, expect, it } from 'vitest'

import { fromStripeAmount, refundableStripeAmount, toStripeAmount } from '../../plugins/payments/services/stripeAmounts'

describe('Stripe amounts', () => {
  it('passes two- and zero-decimal amounts through unchanged', () => {
    expect(toStripeAmount(1599, 'eur')).toBe(1599)
    expect(toStripeAmount(5000, 'JPY')).toBe(5000)
    expect(toStripeAmount(12345, 'krw')).toBe(12345)
    expect(fromStripeAmount(5000, 'jpy')).toBe(5000)
  })

  it('rounds three-decimal amounts down to a multiple of 10, as Stripe requires', () => {
    expect(toStripeAmount(12345, 'KWD')).toBe(12340)
    expect(toStripeAmount(12340, 'bhd')).toBe(12340)
    expect(fromStripeAmount(12340, 'kwd')).toBe(12340)
  })

  it('scales ISK (no decimals in ISO, two at Stripe) and keeps it divisible by 100', () => {
    expect(toStripeAmount(5000, 'isk')).toBe(500_000)
    expect(fromStripeAmount(500_000, 'ISK')).toBe(5000)
  })

  it('never refunds more than remains, and only amounts Stripe accepts', () => {
    expect(refundableStripeAmount(2000, 1500, 'eur')).toBe(1500)
    expect(refundableStripeAmount(755, 5000, 'kwd')).toBe(750)
    expect(refundableStripeAmount(755, 749, 'kwd')).toBe(740)
    expect(refundableStripeAmount(-5, 100, 'eur')).toBe(0)
  })
})
