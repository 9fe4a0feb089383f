// The password email doubles as the invitation: a new member sets their password through the same link.
import type { PayloadRequest } from 'payload'

import { escapeHtml } from '../../../utilities/escapeHtml'
import { INVITATION_CONTEXT } from '../../Tenants/members'

const invitedTo = (req?: PayloadRequest): string | undefined => {
  const tenantName: unknown = req?.context?.[INVITATION_CONTEXT]
  return typeof tenantName === 'string' ? tenantName : undefined
}

export const passwordEmailSubject = ({ req }: { req?: PayloadRequest } = {}) => {
  const tenantName = invitedTo(req)
  return tenantName ? `You are invited to ${tenantName} on Atelier` : 'Reset your Atelier password'
}

export const passwordEmailHtml = ({ req, token }: { req?: PayloadRequest; token?: string } = {}) => {
  const link = `${req?.payload.config.serverURL ?? ''}/admin/reset/${token ?? ''}`
  const tenantName = invitedTo(req)
  const intro = tenantName
    ? `You have been added to <strong>${escapeHtml(tenantName)}</strong> on Atelier. Choose a password to sign in:`
    : 'Someone asked to reset the password of your Atelier account. If it was you, choose a new one:'
  return `<p>${intro}</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p><p>The link expires in one hour.</p>`
}
