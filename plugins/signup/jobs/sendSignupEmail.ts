import type { TaskConfig } from 'payload'

import { SIGNUP_MAIL_TASK, sendSignupMail, type SignupMailKind } from '../services/signupMail'

/** Queued inside the signup (or verification) transaction, so that a rolled-back signup mails nothing. */
export const sendSignupEmailTask: TaskConfig = {
  slug: SIGNUP_MAIL_TASK,
  handler: async ({ input, req }) => {
    const { kind, userId } = input as { kind: SignupMailKind; userId: number }
    return { output: { sent: await sendSignupMail(req, kind, userId) } }
  },
  inputSchema: [
    { name: 'kind', type: 'select', options: ['existing_account', 'verify', 'welcome'], required: true },
    { name: 'userId', type: 'number', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  retries: 3,
}
