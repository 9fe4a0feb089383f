// Dunning emails to a studio's owners, in the owner's language (en, fr): plain text with escaped HTML beside it.
import { escapeHtml } from '../../../utilities/escapeHtml'
import type { EmailLocale } from '../../../utilities/locales'

export type BillingEmailKind = 'paymentFailed' | 'suspendedUnpaid'

export type BillingEmailInput = { adminUrl: string; locale: EmailLocale; studioName: string; suspendOn: Date; timeZone: string }

const copy: Record<EmailLocale, Record<BillingEmailKind, { lines: string[]; subject: string }> & { link: string }> = {
  en: {
    link: 'Update your payment details',
    paymentFailed: {
      lines: [
        'We could not take the payment for {studio}’s Atelier subscription.',
        'Please update your card in the billing portal. If the invoice is still unpaid on {date}, the studio will be suspended: nothing is deleted, but nothing can be changed until it is paid.',
      ],
      subject: 'Payment failed for {studio}',
    },
    suspendedUnpaid: {
      lines: [
        '{studio} is suspended: its Atelier invoice is still unpaid.',
        'Nothing has been deleted. You and your team can still sign in, see everything and export your data. Pay the invoice in the billing portal to reopen the studio.',
      ],
      subject: '{studio} is suspended',
    },
  },
  fr: {
    link: 'Mettre à jour vos informations de paiement',
    paymentFailed: {
      lines: [
        'Le paiement de l’abonnement Atelier de {studio} a échoué.',
        'Merci de mettre à jour votre carte dans le portail de facturation. Si la facture est toujours impayée le {date}, le studio sera suspendu : rien n’est supprimé, mais rien ne peut être modifié avant le paiement.',
      ],
      subject: 'Échec du paiement pour {studio}',
    },
    suspendedUnpaid: {
      lines: [
        '{studio} est suspendu : sa facture Atelier est toujours impayée.',
        'Rien n’a été supprimé. Votre équipe et vous pouvez toujours vous connecter, tout consulter et exporter vos données. Réglez la facture dans le portail de facturation pour rouvrir le studio.',
      ],
      subject: '{studio} est suspendu',
    },
  },
}

export function billingEmail(kind: BillingEmailKind, input: BillingEmailInput): { html: string; subject: string; text: string } {
  const text = copy[input.locale]
  const date = `${new Intl.DateTimeFormat(input.locale, { dateStyle: 'long', timeZone: input.timeZone }).format(input.suspendOn)} (${input.timeZone})`
  const fill = (line: string) => line.replaceAll('{studio}', input.studioName).replaceAll('{date}', date)
  const lines = text[kind].lines.map(fill)
  return {
    html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(input.adminUrl)}">${escapeHtml(text.link)}</a></p>`,
    subject: fill(text[kind].subject),
    text: [...lines, '', `${text.link}: ${input.adminUrl}`].join('\n'),
  }
}
