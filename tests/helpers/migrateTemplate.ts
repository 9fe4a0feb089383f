export {}

// Run once per test run (globalSetup, in a child process): migrate the template database every test file's
// database is copied from, so that no file pays for the migrations again.
// Usage: tsx tests/helpers/migrateTemplate.ts <database url>
const [databaseUrl] = process.argv.slice(2)
if (!databaseUrl) throw new Error('Usage: migrateTemplate.ts <database url>')
process.env.DATABASE_URL = databaseUrl

// One dynamic import for all of Payload's graph (see scripts/prepare.ts on tsx and Node 20).
const { migrateTemplate } = await import('./migrateTemplateWork')
await migrateTemplate()
process.exit(0)
