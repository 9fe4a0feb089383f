// The public booking pages' components rendered (on the server, as the first HTML) in French and in English
// from the platform's default strings: French pages keep no English sentence, English pages keep the texts
// the end-to-end tests look for, and a key with no string shows as itself. Pure: no server, no browser.
import { createElement, type FunctionComponent, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { Booked, Room } from '../../app/(public)/[tenant]/book/bookingTypes'
import type { Booking } from '../../app/(public)/[tenant]/book/[ref]/manageTypes'
import type { BookingPageState } from '../../app/(public)/[tenant]/book/useBookingPage'

import { BookingDetails } from '../../app/(public)/[tenant]/book/[ref]/BookingDetails'
import { CancelSection } from '../../app/(public)/[tenant]/book/[ref]/CancelSection'
import { ConfirmSection } from '../../app/(public)/[tenant]/book/[ref]/ConfirmSection'
import { DepositSection } from '../../app/(public)/[tenant]/book/[ref]/DepositSection'
import { PaymentBanner } from '../../app/(public)/[tenant]/book/[ref]/PaymentBanner'
import { ProofForm } from '../../app/(public)/[tenant]/book/[ref]/ProofForm'
import { BookedStep } from '../../app/(public)/[tenant]/book/BookedStep'
import { DetailsStep } from '../../app/(public)/[tenant]/book/DetailsStep'
import { formatMoney } from '../../app/(public)/[tenant]/book/format'
import { MessagesProvider } from '../../app/(public)/[tenant]/book/messages'
import { RoomStep } from '../../app/(public)/[tenant]/book/RoomStep'
import { TimeStep } from '../../app/(public)/[tenant]/book/TimeStep'
import { MyBookings } from '../../app/(public)/bookings/MyBookings'
import { BOOKING_PAGE_DEFAULTS } from '../../plugins/i18n/defaults/bookingPage'

type Language = 'en' | 'fr'
const messagesIn = (language: Language) => Object.fromEntries(Object.entries(BOOKING_PAGE_DEFAULTS).map(([key, strings]) => [key, strings[language]]))
const noop = () => undefined
const ref = { current: null }

const room: Room = { capacity: 4, durations: [{ minutes: 60, price: 2500 }, { minutes: 90, price: 3750 }], hourlyRate: 2500, id: 1, maxMinutes: 90, minMinutes: 60, name: 'Studio A', slotStepMinutes: 30, slug: 'studio-a' }
const slot = { deposit: 500, end: '2026-11-30T11:00:00+01:00', price: 2500, start: '2026-11-30T10:00:00+01:00' }
const state = {
  availability: { days: [{ date: '2026-11-30', slots: [slot] }], state: 'ready' },
  backToTimes: noop, changeField: () => noop, changeRoom: noop, chooseDuration: noop, chooseSlot: noop, duration: 90, fieldErrors: { email: 'x' }, fieldId: (name: string) => `f-${name}`,
  form: { email: '', name: '', notes: '', phone: '' }, formAlert: null, headingRef: ref, idPrefix: 'p', moveWeek: noop, retryAvailability: noop, submit: noop, submitting: false, timeAlert: null, weekStart: '2026-11-30',
} as unknown as BookingPageState
const booking = {
  cancellable: true, cancellation: 'link_required', currency: 'EUR', customer: { email: 'zoe@example.test', name: 'Zoé' }, deposit: 500, display: { amount: 4205, currency: 'USD', rate: '1.0512', rateDate: '2026-12-04' },
  end: slot.end, holdExpiresAt: '2026-11-29T14:30:00+01:00', awaitingCustomerConfirmation: true, payable: true, phase: 'ended', price: 2500, ref: 'BK-7K2M-Q9XD',
  refundQuote: { currency: 'EUR', paid: 500, refundAmount: 250, refundPercent: 50, refundStatus: 'succeeded' }, room: { id: 1, name: 'Studio A' }, start: slot.start, status: 'cancelled', statusLabel: '·', timezone: 'Europe/Paris',
} as Booking
const booked = { ...booking, awaitingCustomerConfirmation: false, deposit: 500, price: 2500, status: 'pending' } as unknown as Booked
const quote = { currency: 'EUR', paid: 500, refundAmount: 250, refundPercent: 50, status: 'pending', tier: { noticeAmount: 2, noticeUnit: 'days' as const, refundPercent: 50 } }

/** Every component of the pages that renders from its props, in the states with the most words. */
function pages(language: Language): ReactElement[] {
  const money = (minor: number) => formatMoney(minor, 'EUR', language === 'fr' ? 'fr-FR' : 'en-GB')
  const parts: [FunctionComponent<never>, object][] = [
    [RoomStep, { headingRef: ref, money, onChoose: noop, rooms: [room, { ...room, capacity: 1, id: 2 }] }],
    [TimeStep, { money, room, state, timezone: 'Europe/Paris', today: '2026-11-29' }],
    [DetailsStep, { money, room, slot, state, timezone: 'Europe/Paris' }],
    [BookedStep, { booked, email: 'chloe@example.test', headingRef: ref, onBookAnother: noop, roomName: 'Studio A', timezone: 'Europe/Paris' }],
    [BookedStep, { booked: { ...booked, awaitingCustomerConfirmation: true }, email: 'chloe@example.test', headingRef: ref, onBookAnother: noop, roomName: 'Studio A', timezone: 'Europe/Paris' }],
    [BookingDetails, { booking, headingRef: ref }],
    [CancelSection, { alert: null, booking, buttonRef: ref, cancel: { step: 'idle' }, confirmHeadingRef: ref, idPrefix: 'c', linkRequest: 'idle', onConfirm: noop, onKeep: noop, onRequestLink: noop, onStart: noop }],
    [CancelSection, { alert: null, booking: { ...booking, cancellation: 'allowed' }, buttonRef: ref, cancel: { quote, step: 'confirm' }, confirmHeadingRef: ref, idPrefix: 'c', linkRequest: 'idle', onConfirm: noop, onKeep: noop, onRequestLink: noop, onStart: noop }],
    [ConfirmSection, { alert: null, booking, canConfirm: false, confirming: false, headingId: 'h', onConfirm: noop }],
    [DepositSection, { alert: null, booking, headingId: 'd', onPay: noop, paying: false }],
    [PaymentBanner, { booking: null, onRefresh: noop, paymentReturn: 'cancelled', refreshing: false, refreshNote: '' }],
    [PaymentBanner, { booking: { ...booking, phase: 'open' }, onRefresh: noop, paymentReturn: 'success', refreshing: false, refreshNote: '' }],
    [ProofForm, { alert: null, bookingRef: 'bk-7k2m-q9xd', emailError: null, onProof: async () => undefined, setAlert: noop, setEmailError: noop, submitting: false }],
    [MyBookings, { token: '' }],
  ]
  return parts.map(([component, props], index) => createElement(component as FunctionComponent<object>, { ...props, key: index }))
}

const render = (language: Language, messages = messagesIn(language)) =>
  renderToStaticMarkup(createElement(MessagesProvider, { children: pages(language), language, messages }))
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

describe('the booking pages rendered from the default strings', () => {
  it('read French in French, with no English sentence left', () => {
    const french = render('fr')
    for (const text of ['Étape 1 sur 3', 'Jusqu’à 4\u00a0personnes', 'Jusqu’à 1\u00a0personne', '25,00\u00a0€ de l’heure', 'Semaine suivante', 'lundi 30 novembre', 'Réserver ce créneau']) expect(french).toContain(text)
    expect(french).toContain('Une annulation au moins 2\u00a0jours avant le début en rembourse 50\u00a0%.')
    expect(french).toContain('avant le 29 nov. à 14:30')
    // Every English default, in pieces between its placeholders, long enough to be a phrase of its own.
    const phrases = Object.values(BOOKING_PAGE_DEFAULTS).flatMap(({ en, fr }) =>
      en === fr ? [] : en.split(/\{\w+\}|<\/?\w+>/).map((piece) => piece.trim()).filter((piece) => piece.length >= 10 && piece.includes(' ')),
    )
    const left = [...new Set(phrases)].filter((phrase) => french.includes(phrase))
    expect(left, left.join('\n')).toEqual([])
    // Labels of a word or two ("Date" is French too).
    expect(french).not.toMatch(/\b(?:Room|Time|Price|Deposit|Status|Reference|None|Name|Email|Notes|Phone|Duration)\b/)
  })

  it('read English as the end-to-end tests expect', () => {
    const english = render('en')
    for (const text of ['Step 1 of 3', 'Up to 4 people · €25.00 per hour · 1 h to 1 h 30 min', 'Next week', 'Times are in Europe/Paris', '10:00 to 11:00', 'Book this time', 'access code', 'Choose another time']) {
      expect(english).toContain(text)
    }
    expect(english).toContain('The payment was not completed and nothing was charged.')
    expect(english).toContain('You will be refunded €2.50 (50\u00a0%).')
    expect(english).toContain('Please pay it by 14:30 on 29 Nov: until then')
  })

  it('show a key with no string as the key itself', () => {
    const { 'booking.time.nextWeek': _gone, ...rest } = messagesIn('en')
    expect(render('en', rest)).toContain('booking.time.nextWeek')
  })
})
