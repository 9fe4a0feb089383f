// The trial emails to a studio's owners, in the owner's language (en, fr): plain text with escaped HTML beside it.
import { escapeHtml } from '../../../utilities/escapeHtml'
import type { EmailLocale } from '../../../utilities/locales'

export type TrialEmailKind = 'reminder' | 'suspended'

export type TrialEmailInput = {
  adminUrl: string
  locale: EmailLocale
  studioName: string
  /** The studio's IANA zone: the end is shown as its clock reads it. */
  timeZone: string
  trialEndsAt: Date
}

const copy: Record<EmailLocale, Record<TrialEmailKind, { lines: string[]; subject: string }> & { link: string }> = {
  en: {
    link: 'Open your studio’s admin',
    reminder: {
      lines: ['The free trial of {studio} ends on {end}.', 'To keep your studio open after that, choose a plan in the admin.'],
      subject: 'Your Atelier trial for {studio} ends on {end}',
    },
    suspended: {
      lines: [
        'The free trial of {studio} ended on {end}, and the studio is now suspended.',
        'Nothing has been deleted. You and your team can still sign in, see everything and export your data, and your customers can still view and cancel their bookings.',
        'While the studio is suspended, its booking page takes no new bookings and nothing can be changed in the admin. Choose a plan in the admin to reopen it.',
      ],
      subject: '{studio} is suspended',
    },
  },
  fr: {
    link: 'Ouvrir l’administration de votre studio',
    reminder: {
      lines: ['L’essai gratuit de {studio} se termine le {end}.', 'Pour que votre studio reste ouvert ensuite, choisissez une offre dans l’administration.'],
      subject: 'Votre essai Atelier pour {studio} se termine le {end}',
    },
    suspended: {
      lines: [
        'L’essai gratuit de {studio} s’est terminé le {end}, et le studio est désormais suspendu.',
        'Rien n’a été supprimé. Votre équipe et vous pouvez toujours vous connecter, tout consulter et exporter vos données, et vos clients peuvent toujours consulter et annuler leurs réservations.',
        'Tant que le studio est suspendu, sa page de réservation n’accepte plus de nouvelles réservations et rien ne peut être modifié dans l’administration. Choisissez une offre dans l’administration pour le rouvrir.',
      ],
      subject: '{studio} est suspendu',
    },
  },
}

/** The trial's end as the studio's clock reads it, zone named: "December 17, 2026 at 2:00 PM (Europe/Paris)". */
export const formatTrialEnd = (end: Date, timeZone: string, locale: EmailLocale): string =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(end)} (${timeZone})`

export function trialEmail(kind: TrialEmailKind, input: TrialEmailInput): { html: string; subject: string; text: string } {
  const text = copy[input.locale]
  const fill = (line: string) => line.replaceAll('{studio}', input.studioName).replaceAll('{end}', formatTrialEnd(input.trialEndsAt, input.timeZone, input.locale))
  const lines = text[kind].lines.map(fill)
  return {
    html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(input.adminUrl)}">${escapeHtml(text.link)}</a></p>`,
    subject: fill(text[kind].subject),
    text: [...lines, '', `${text.link}: ${input.adminUrl}`].join('\n'),
  }
}
