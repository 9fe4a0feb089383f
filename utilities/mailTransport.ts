import nodemailer, { type Transporter } from 'nodemailer'

/**
 * SMTP when `SMTP_URL` is set. Otherwise messages are rendered to JSON and dropped, so that a
 * machine with no mail server never reaches out to an internet test service.
 */
export const createMailTransport = (smtpUrl: string | undefined): Transporter =>
  smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true })
