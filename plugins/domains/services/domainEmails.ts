// The email to a studio's owners when its domain fails, in the owner's language: plain text with escaped HTML.
import type { EmailLocale } from '../../../utilities/locales'

import { escapeHtml } from '../../../utilities/escapeHtml'

export type DomainFailedInput = { domainUrl: string; hostname: string; locale: EmailLocale; releaseOn: Date; studioName: string; timeZone: string }

const copy: Record<EmailLocale, { lines: string[]; link: string; subject: string }> = {
  en: {
    lines: [
      'The DNS records of {hostname}, a custom domain of {studio}, have been missing for three days: the domain has stopped working.',
      'Put the records back as the domain’s page shows them, then verify it again. If they are still missing on {date}, the domain is released and any studio may claim it.',
    ],
    link: 'Open the domain',
    subject: '{hostname} no longer points to {studio}',
  },
  fr: {
    lines: [
      'Les enregistrements DNS de {hostname}, un domaine de {studio}, manquent depuis trois jours : le domaine ne fonctionne plus.',
      'Rétablissez les enregistrements indiqués sur la page du domaine, puis vérifiez-le à nouveau. S’ils manquent encore le {date}, le domaine est libéré et tout studio pourra le réclamer.',
    ],
    link: 'Ouvrir le domaine',
    subject: '{hostname} ne pointe plus vers {studio}',
  },
}

export function domainFailedEmail(input: DomainFailedInput): { html: string; subject: string; text: string } {
  const text = copy[input.locale]
  const date = `${new Intl.DateTimeFormat(input.locale, { dateStyle: 'long', timeZone: input.timeZone }).format(input.releaseOn)} (${input.timeZone})`
  const fill = (line: string) => line.replaceAll('{hostname}', input.hostname).replaceAll('{studio}', input.studioName).replaceAll('{date}', date)
  const lines = text.lines.map(fill)
  return {
    html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(input.domainUrl)}">${escapeHtml(text.link)}</a></p>`,
    subject: fill(text.subject),
    text: [...lines, '', `${text.link}: ${input.domainUrl}`].join('\n'),
  }
}
