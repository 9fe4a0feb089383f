// Customer emails, in the studio's default locale, worded by the i18n plugin's translations (the studio's
// overrides, then the platform's, then English). Plain text with escaped HTML beside it.
import type { PayloadRequest } from 'payload'

import type { Booking, Room, Tenant } from '../../../payload-types'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { escapeHtml } from '../../../utilities/escapeHtml'
import { messagesFor, translate } from '../../i18n'
import { formatInZone } from './zonedTime'

export type BookingEmailKind = 'cancelled' | 'confirmed' | 'received' | 'refunded'

// Building an Intl formatter costs far more than using one (a third of an email's render): kept per options.
// A few locales, zones and currencies, so the maps stay small.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined
  if (!found) formatters.set(key, (found = make()))
  return found
}
const moneyFormat = (locale: string, currency: string) => formatter(`n|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { currency, style: 'currency' }))
const dateFormat = (locale: string, timeZone: string, dateStyle: 'full' | 'long' | undefined) =>
  formatter(`d|${locale}|${timeZone}|${dateStyle ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short', timeZone }))

export const formatMoney = (minor: number, currency: string, locale: string): string => {
  const digits = currencyExponent(currency)
  return moneyFormat(locale, currency).format(minor / 10 ** digits)
}

const when = (booking: Booking, tenant: Tenant, locale: string) =>
  `${dateFormat(locale, tenant.timezone, 'full').format(new Date(booking.start))} – ${dateFormat(locale, tenant.timezone, undefined).format(new Date(booking.end))} (${tenant.timezone})`

/** What keeps a held booking, and by when ({time}); otherwise its slot is released. */
export type HoldNotice = 'confirm' | 'pay'

/** The emails' strings in the studio's locale (its overrides first), from the i18n plugin's translations. */
const emailStrings = async (req: PayloadRequest, locale: string, tenantId: null | number) => {
  const messages = await messagesFor(req.payload, { locale, namespace: 'emails', tenantId })
  return (key: string, vars?: Record<string, string>) => translate(messages, key, vars)
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
  const locale = tenant.defaultLocale ?? 'en'
  const t = await emailStrings(req, locale, tenant.id)
  const currency = booking.currency ?? tenant.defaultCurrency
  const lines = [
    `${tenant.name}: ${t(`booking.${kind}.intro`)}`,
    `${t('booking.label.ref')}: ${booking.ref}`,
    `${t('booking.label.room')}: ${room.name}`,
    `${t('booking.label.when')}: ${when(booking, tenant, locale)}`,
    `${t('booking.label.price')}: ${formatMoney(booking.price ?? 0, currency, locale)}`,
    `${t('booking.label.deposit')}: ${formatMoney(booking.deposit ?? 0, currency, locale)}`,
  ]
  const quote = booking.refundQuote as null | { refundAmount?: number }
  if (kind === 'cancelled' || kind === 'refunded') lines.push(`${t('booking.label.refund')}: ${formatMoney(quote?.refundAmount ?? 0, currency, locale)}`)
  if (accessToken) lines.push(`${t('booking.label.accessToken')}: ${accessToken}`)
  if (holdNotice && booking.holdExpiresAt) {
    const deadline = dateFormat(locale, tenant.timezone, 'long').format(new Date(booking.holdExpiresAt))
    lines.push(t(`booking.hold.${holdNotice}`, { time: deadline }))
  }
  const link = { href: manageUrl, label: holdNotice === 'confirm' ? t('booking.label.confirm') : t('booking.label.manage') }
  await send(req, booking.customer.email, t(`booking.${kind}.subject`, { ref: booking.ref ?? '' }), lines, link)
}

/** The lookup link, in `locale` with the platform's strings (it may list bookings of several studios). */
export async function sendSearchEmail(req: PayloadRequest, to: string, link: string, locale: string): Promise<void> {
  const t = await emailStrings(req, locale, null)
  await send(req, to, t('booking.search.subject'), [t('booking.search.intro')], { href: link, label: t('booking.search.subject') })
}

/** Start and end as the customer's studio sees them, offset included. */
export const bookingTimes = (booking: Pick<Booking, 'end' | 'start'>, tenant: Pick<Tenant, 'timezone'>) => ({
  end: formatInZone(new Date(booking.end), tenant.timezone),
  start: formatInZone(new Date(booking.start), tenant.timezone),
})
