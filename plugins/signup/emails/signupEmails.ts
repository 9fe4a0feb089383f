// The signup's emails, in the owner's language (en, fr). None carries a password: links only.
import { escapeHtml } from '../../../utilities/escapeHtml'
import type { EmailLocale } from '../../../utilities/locales'

export type Email = { html: string; subject: string; text: string }

const paragraphs = (lines: string[]): Pick<Email, 'html' | 'text'> => ({
  html: lines.map((line) => `<p>${escapeHtml(line).replace(/(https?:\/\/\S+)/g, (url) => `<a href="${url}">${url}</a>`)}</p>`).join(''),
  text: lines.join('\n\n'),
})

export function verificationEmail({ link, locale, studioName }: { link: string; locale: EmailLocale; studioName: string }): Email {
  return locale === 'fr'
    ? {
        subject: `Confirmez votre adresse pour ${studioName} sur Atelier`,
        ...paragraphs([`Bienvenue ! Pour terminer la création de ${studioName}, confirmez votre adresse :`, link, 'Ce lien reste valable 7 jours. Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.']),
      }
    : {
        subject: `Confirm your address for ${studioName} on Atelier`,
        ...paragraphs([`Welcome! To finish setting up ${studioName}, confirm your address:`, link, 'The link works for 7 days. If you did not sign up, ignore this message.']),
      }
}

export function existingAccountEmail({ locale, signInUrl }: { locale: EmailLocale; signInUrl: string }): Email {
  return locale === 'fr'
    ? {
        subject: 'Une inscription à Atelier avec votre adresse',
        ...paragraphs([
          'Quelqu’un a essayé de créer un studio sur Atelier avec votre adresse, qui a déjà un compte. Aucun studio n’a été créé.',
          `Si c’était vous, connectez-vous : ${signInUrl}`,
          'Sinon, vous pouvez ignorer ce message.',
        ]),
      }
    : {
        subject: 'A signup to Atelier with your address',
        ...paragraphs([
          'Someone tried to create a studio on Atelier with your address, which already has an account. No studio was created.',
          `If it was you, sign in: ${signInUrl}`,
          'If not, you can ignore this message.',
        ]),
      }
}

type WelcomeInput = { adminUrl: string; bookingUrl: string; locale: EmailLocale; studioName: string; timeZone: string; trialEndsAt: Date }

export function welcomeEmail({ adminUrl, bookingUrl, locale, studioName, timeZone, trialEndsAt }: WelcomeInput): Email {
  const trialEnd = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(trialEndsAt)
  return locale === 'fr'
    ? {
        subject: `${studioName} est prêt sur Atelier`,
        ...paragraphs([
          `Votre adresse est confirmée et ${studioName} est prêt.`,
          `Administration : ${adminUrl}`,
          `Page de réservation publique : ${bookingUrl}`,
          `Votre essai gratuit dure jusqu’au ${trialEnd}.`,
        ]),
      }
    : {
        subject: `${studioName} is ready on Atelier`,
        ...paragraphs([
          `Your address is confirmed and ${studioName} is ready.`,
          `Admin panel: ${adminUrl}`,
          `Public booking page: ${bookingUrl}`,
          `Your free trial runs until ${trialEnd}.`,
        ]),
      }
}
