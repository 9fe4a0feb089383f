import type { TaskConfig } from 'payload'

import { LOOKUP_TASK, sendLookupLink } from '../services/lookup'

/** Queued by "find my bookings" (GET /api/public/bookings/search): mails the link to the address's bookings. */
export const bookingLookupTask: TaskConfig = {
  slug: LOOKUP_TASK,
  handler: async ({ input, req }) => ({ output: { sent: await sendLookupLink(req, (input as { email: string }).email.toLowerCase()) } }),
  inputSchema: [{ name: 'email', type: 'email', required: true }],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  retries: 3,
}
