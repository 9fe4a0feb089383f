// Customer emails, in the studio's default locale (en, fr). Plain text with escaped HTML beside it.
import type { PayloadRequest } from 'payload'

import type { Booking, Room, Tenant } from '../../../payload-types'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { escapeHtml } from '../../../utilities/escapeHtml'
import { emailLocaleOf, type EmailLocale } from '../../../utilities/locales'
import { formatInZone } from './zonedTime'

export type BookingEmailKind = 'cancelled' | 'confirmed' | 'received' | 'refunded'

export const formatMoney = (minor: number, currency: string, locale: EmailLocale): string => {
  const digits = currencyExponent(currency)
  return new Intl.NumberFormat(locale, { currency, style: 'currency' }).format(minor / 10 ** digits)
}

const when = (booking: Booking, tenant: Tenant, locale: EmailLocale) => {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: tenant.timezone })
  return `${format.format(new Date(booking.start))} – ${new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: tenant.timezone }).format(new Date(booking.end))} (${tenant.timezone})`
}

const copy: Record<EmailLocale, Record<BookingEmailKind | 'search', { intro: string; subject: string }>> = {
  en: {
    cancelled: { intro: 'Your booking has been cancelled.', subject: 'Booking {ref} cancelled' },
    confirmed: { intro: 'Your booking is confirmed. See you soon!', subject: 'Booking {ref} confirmed' },
    received: { intro: 'We have received your booking request.', subject: 'Booking {ref} received' },
    refunded: {
      intro: 'Your payment arrived after the hold on this time had ended, and the slot has been taken since. We have refunded it in full.',
      subject: 'Booking {ref}: payment refunded',
    },
    search: { intro: 'Here is the link to your bookings. It works for one hour.', subject: 'Your bookings' },
  },
  fr: {
    cancelled: { intro: 'Votre réservation a été annulée.', subject: 'Réservation {ref} annulée' },
    confirmed: { intro: 'Votre réservation est confirmée. À bientôt !', subject: 'Réservation {ref} confirmée' },
    received: { intro: 'Nous avons bien reçu votre demande de réservation.', subject: 'Réservation {ref} reçue' },
    refunded: {
      intro: 'Votre paiement est arrivé après la fin de la réservation provisoire, et ce créneau a été pris entre-temps. Nous vous l’avons remboursé intégralement.',
      subject: 'Réservation {ref} : paiement remboursé',
    },
    search: { intro: 'Voici le lien vers vos réservations. Il est valable une heure.', subject: 'Vos réservations' },
  },
}

const labels: Record<EmailLocale, { accessToken: string; confirm: string; deposit: string; manage: string; price: string; refund: string; room: string; when: string }> = {
  en: { accessToken: 'Your access code', confirm: 'Confirm my booking', deposit: 'Deposit', manage: 'Manage your booking', price: 'Price', refund: 'Refund', room: 'Room', when: 'When' },
  fr: {
    accessToken: 'Votre code d’accès',
    confirm: 'Confirmer ma réservation',
    deposit: 'Acompte',
    manage: 'Gérer votre réservation',
    price: 'Prix',
    refund: 'Remboursement',
    room: 'Salle',
    when: 'Quand',
  },
}

/** What keeps a held booking, and by when ({time}); otherwise its slot is released. */
export type HoldNotice = 'confirm' | 'pay'
const holdNotices: Record<EmailLocale, Record<HoldNotice, string>> = {
  en: {
    confirm: 'Please confirm this booking with the link below by {time}; otherwise the time is released.',
    pay: 'Pay the deposit by {time} to keep this time; otherwise it is released.',
  },
  fr: {
    confirm: 'Merci de confirmer cette réservation avec le lien ci-dessous avant le {time} ; sinon le créneau est libéré.',
    pay: 'Réglez l’acompte avant le {time} pour garder ce créneau ; sinon il est libéré.',
  },
}


async function send(req: PayloadRequest, to: string, subject: string, lines: string[], link?: { href: string; label: string }) {
  const text = [...lines, ...(link ? ['', `${link.label}: ${link.href}`] : [])].join('\n')
  const html = `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ''}`
  await req.payload.sendEmail({ html, subject, text, to })
}

export async function sendBookingEmail(
  req: PayloadRequest,
  kind: BookingEmailKind,
  {
    accessToken,
    booking,
    holdNotice,
    manageUrl,
    room,
    tenant,
  }: { accessToken?: string; booking: Booking; holdNotice?: HoldNotice; manageUrl: string; room: Room; tenant: Tenant },
): Promise<void> {
  const locale = emailLocaleOf(tenant.defaultLocale)
  const text = copy[locale][kind]
  const label = labels[locale]
  const lines = [
    `${tenant.name}: ${text.intro}`,
    `Ref: ${booking.ref}`,
    `${label.room}: ${room.name}`,
    `${label.when}: ${when(booking, tenant, locale)}`,
    `${label.price}: ${formatMoney(booking.price ?? 0, booking.currency ?? tenant.defaultCurrency, locale)}`,
    `${label.deposit}: ${formatMoney(booking.deposit ?? 0, booking.currency ?? tenant.defaultCurrency, locale)}`,
  ]
  const quote = booking.refundQuote as null | { refundAmount?: number }
  if (kind === 'cancelled' || kind === 'refunded') lines.push(`${label.refund}: ${formatMoney(quote?.refundAmount ?? 0, booking.currency ?? tenant.defaultCurrency, locale)}`)
  if (accessToken) lines.push(`${label.accessToken}: ${accessToken}`)
  if (holdNotice && booking.holdExpiresAt) {
    const deadline = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: tenant.timezone }).format(new Date(booking.holdExpiresAt))
    lines.push(holdNotices[locale][holdNotice].replace('{time}', deadline))
  }
  const link = { href: manageUrl, label: holdNotice === 'confirm' ? label.confirm : label.manage }
  await send(req, booking.customer.email, text.subject.replace('{ref}', booking.ref ?? ''), lines, link)
}

export async function sendSearchEmail(req: PayloadRequest, to: string, link: string, locale: EmailLocale): Promise<void> {
  const text = copy[locale].search
  await send(req, to, text.subject, [text.intro], { href: link, label: text.subject })
}

/** Start and end as the customer's studio sees them, offset included. */
export const bookingTimes = (booking: Pick<Booking, 'end' | 'start'>, tenant: Pick<Tenant, 'timezone'>) => ({
  end: formatInZone(new Date(booking.end), tenant.timezone),
  start: formatInZone(new Date(booking.start), tenant.timezone),
})
