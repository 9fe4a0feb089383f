// The password email doubles as the invitation: a new member sets their password through the same link.
// Worded in the person's language preference, with the platform's strings (the i18n plugin's translations).
import type { PayloadRequest } from 'payload'

import { escapeHtml } from '../../../utilities/escapeHtml'
import { messagesFor, translate } from '../../../plugins/i18n'
import { INVITATION_CONTEXT } from '../../Tenants/members'

type EmailArgs = { req?: PayloadRequest; token?: string; user?: { languagePreference?: null | string } }

const invitedTo = (req?: PayloadRequest): string | undefined => {
  const tenantName: unknown = req?.context?.[INVITATION_CONTEXT]
  return typeof tenantName === 'string' ? tenantName : undefined
}

async function strings({ req, user }: EmailArgs) {
  if (!req) return (key: string, vars?: Record<string, string>) => translate({}, key, vars)
  const messages = await messagesFor(req.payload, { locale: user?.languagePreference ?? 'en', namespace: 'emails', tenantId: null })
  return (key: string, vars?: Record<string, string>) => translate(messages, key, vars)
}

export const passwordEmailSubject = async (args: EmailArgs = {}) => {
  const t = await strings(args)
  const studio = invitedTo(args.req)
  return studio ? t('password.invite.subject', { studio }) : t('password.reset.subject')
}

export const passwordEmailHtml = async (args: EmailArgs = {}) => {
  const t = await strings(args)
  const link = `${args.req?.payload.config.serverURL ?? ''}/admin/reset/${args.token ?? ''}`
  const studio = invitedTo(args.req)
  const intro = studio ? t('password.invite.intro', { studio }) : t('password.reset.intro')
  return `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>${escapeHtml(t('password.expiry'))}</p>`
}
