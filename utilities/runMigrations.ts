import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'
import { ensurePlatformTranslations } from '../plugins/i18n'

/**
 * Applies the committed migrations, imported rather than read from disk so that the same call works
 * under tsx, vitest and the Next server (Payload types `up`/`down` loosely, hence the cast); then puts in
 * place the reference data the code ships, the platform's UI strings, keeping what operators edited.
 */
export async function runMigrations(payload: Payload): Promise<void> {
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  await ensurePlatformTranslations(payload)
}
