import { getPayload } from 'payload'

import config from '../../payload.config'
import { runMigrations } from '../../utilities/runMigrations'

export async function migrateTemplate(): Promise<void> {
  const payload = await getPayload({ config })
  try {
    await runMigrations(payload)
  } finally {
    await payload.destroy()
  }
}
