import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'

/**
 * Applies the committed migrations, imported rather than read from disk so that the same call works
 * under tsx, vitest and the Next server. Payload types `up`/`down` loosely, hence the cast.
 */
export const runMigrations = (payload: Payload): Promise<void> =>
  payload.db.migrate({ migrations: migrations as unknown as Migration[] })
