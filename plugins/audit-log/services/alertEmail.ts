// The alert owners receive about a high-risk entry. Its address and user agent come from whoever made
// the request, so every value is escaped into the HTML. Pure.
import { escapeHtml } from '../../../utilities/escapeHtml'

export type AlertEntry = {
  action: string
  collection?: null | string
  createdAt: string
  ip?: null | string
  riskReasons?: unknown
  riskScore?: null | number
  userAgent?: null | string
}

export function alertEmail(entry: AlertEntry): { html: string; subject: string; text: string } {
  const reasons = Array.isArray(entry.riskReasons) ? entry.riskReasons.map(String) : []
  const score = `${entry.riskScore ?? 0}/100`
  const what = `${entry.action}${entry.collection ? ` on ${entry.collection}` : ''}`
  const from = `IP: ${entry.ip ?? 'unknown'}, user agent: ${entry.userAgent ?? 'unknown'}, at ${entry.createdAt}.`
  const html =
    `<p>Atelier flagged an event with risk ${escapeHtml(score)}: <strong>${escapeHtml(entry.action)}</strong>` +
    `${entry.collection ? ` on ${escapeHtml(entry.collection)}` : ''}.</p>` +
    `<ul>${reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul><p>${escapeHtml(from)}</p>`
  const text = [`Atelier flagged an event with risk ${score}: ${what}.`, ...reasons.map((reason) => `- ${reason}`), from].join('\n')
  return { html, subject: `Security alert: ${entry.action} (risk ${entry.riskScore ?? 0})`, text }
}
