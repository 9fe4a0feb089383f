// The wizard page's pure parts: amounts typed in the studio currency, the bodies it sends, the errors it spreads.
import { describe, expect, it } from 'vitest'

import { fromMinor, hoursFitTheWizard, pricingBody, roomBody, roomForm, spreadErrors, staffBody, toMinor } from '../../app/(public)/onboarding/wizardForms'

describe('amounts', () => {
  it('turns what a person types into minor units, exactly', () => {
    expect(toMinor('25', 2)).toBe(2500)
    expect(toMinor(' 25.5 ', 2)).toBe(2550)
    expect(toMinor('0,07', 2)).toBe(7)
    expect(toMinor('19.99', 2)).toBe(1999)
    expect(toMinor('2500', 0)).toBe(2500)
    expect(toMinor('1.234', 3)).toBe(1234)
  })

  it('refuses what is not an amount of that currency', () => {
    for (const text of ['', 'abc', '-5', '1.234', '1e3', '9'.repeat(20)]) expect(toMinor(text, 2)).toBeNull()
    expect(toMinor('25.5', 0)).toBeNull()
  })

  it('shows minor units back with the currency’s decimals', () => {
    expect(fromMinor(2550, 2)).toBe('25.50')
    expect(fromMinor(7, 2)).toBe('0.07')
    expect(fromMinor(2500, 0)).toBe('2500')
    expect(fromMinor(null, 2)).toBe('')
  })
})

describe('bodies', () => {
  const room = { capacity: 2, hourlyRate: 4000, id: 1, name: 'A', openingHours: [{ closes: '19:00', opens: '09:00', weekday: 'tuesday' as const }] }

  it('sends the open days in order, as minor units', () => {
    const form = roomForm(room, 2)
    expect(form.hourlyRate).toBe('40.00')
    form.days.monday = { closes: '12:00', open: true, opens: '08:00' }
    expect(roomBody(form, 2, true)).toEqual({
      body: { name: 'A', capacity: 2, hourlyRate: 4000, openingHours: [{ closes: '12:00', opens: '08:00', weekday: 'monday' }, { closes: '19:00', opens: '09:00', weekday: 'tuesday' }] },
      errors: {},
    })
    expect(roomBody(form, 2, false).body).not.toHaveProperty('openingHours')
    expect(roomBody({ ...form, capacity: 'two', hourlyRate: '1.5.0' }, 2, true).errors).toEqual({ capacity: expect.any(String), hourlyRate: expect.any(String) })
  })

  it('leaves alone hours the wizard cannot show', () => {
    expect(hoursFitTheWizard(room.openingHours)).toBe(true)
    expect(hoursFitTheWizard([...room.openingHours, { closes: '22:00', opens: '20:00', weekday: 'tuesday' }])).toBe(false)
    expect(hoursFitTheWizard([{ closes: '24:00', opens: '20:00', weekday: 'friday' }])).toBe(false)
  })

  it('sends one kind of deposit, and names the tier at fault', () => {
    const form = { depositAmount: '10', depositPercent: '30', depositType: 'fixed' as const, holdMinutes: '45', tiers: [{ noticeAmount: '2', noticeUnit: 'days' as const, refundPercent: 'all' }] }
    expect(pricingBody(form, 2)).toEqual({
      body: { cancellationTiers: [{ noticeAmount: 2, noticeUnit: 'days', refundPercent: null }], depositAmount: 1000, depositType: 'fixed', holdMinutes: 45 },
      errors: { 'cancellationTiers.0.refundPercent': expect.any(String) },
    })
    expect(pricingBody({ ...form, depositType: 'percentage', tiers: [] }, 2).body).toEqual({ cancellationTiers: [], depositPercent: 30, depositType: 'percentage', holdMinutes: 45 })
  })

  it('drops invitation rows left empty', () => {
    expect(staffBody([{ email: ' ', role: 'staff' }, { email: ' a@b.test ', role: 'admin' }]).body).toEqual({ invites: [{ email: 'a@b.test', role: 'admin' }] })
  })
})

describe('spreadErrors', () => {
  it('puts the step’s fields beside them and the rest in the alert', () => {
    expect(spreadErrors([{ message: 'At least 1.', path: 'data.capacity' }, { message: 'Choose the studio.', path: 'tenant' }])).toEqual({
      alert: 'Choose the studio.',
      fields: { capacity: 'At least 1.' },
    })
    expect(spreadErrors([{ message: 'Bad.', path: 'data.invites.1.role' }]).alert).toBe('Please correct the fields marked below.')
    expect(spreadErrors([{ message: 'Forbidden.' }])).toEqual({ alert: 'Forbidden.', fields: {} })
  })
})
