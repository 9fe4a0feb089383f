// Mail services anyone can open an address on. Counting unverified signups per domain makes sense for a
// company's domain, not for these.
const PUBLIC_MAIL_DOMAINS = new Set([
  'aol.com', 'free.fr', 'gmail.com', 'gmx.com', 'gmx.de', 'gmx.fr', 'googlemail.com', 'hotmail.com', 'hotmail.fr', 'icloud.com',
  'laposte.net', 'live.com', 'live.fr', 'mail.com', 'me.com', 'msn.com', 'orange.fr', 'outlook.com', 'outlook.fr', 'proton.me',
  'protonmail.com', 'sfr.fr', 'wanadoo.fr', 'web.de', 'yahoo.co.uk', 'yahoo.com', 'yahoo.fr', 'yandex.com', 'zoho.com',
])

export const isPublicMailDomain = (domain: string): boolean => PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase())
