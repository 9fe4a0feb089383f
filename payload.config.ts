import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { mediaCollection } from './collections/Media'
import { Tenants } from './collections/Tenants'
import { Users } from './collections/Users'
import { healthEndpoint } from './endpoints/health'
import { adapterPg } from './utilities/adapterPg'
import { answerRestErrorsInProjectShape } from './utilities/apiErrors'
import { databaseFaultsPlugin } from './utilities/databaseFaultsPlugin'
import { migrations } from './migrations'
import { atelierPlugins } from './plugins'
import { type AtelierEnv, atelierEnv } from './utilities/env'
import { adminSupportedLanguages, CONTENT_LOCALES, DEFAULT_LOCALE } from './utilities/locales'
import { createMailTransport } from './utilities/mailTransport'
import { migrateOneAtATime } from './utilities/migrationLock'
import { objectStoragePlugin } from './utilities/objectStorage'
import { logIdlePoolErrors } from './utilities/poolErrors'
import { logReplicaPoolErrors } from './utilities/readReplicas'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * The app's config, from its environment. A server builds it once (the default export); a test worker builds one
 * per test file, each on its own database (tests/helpers/payload.ts).
 */
export const atelierConfig = (env: AtelierEnv = atelierEnv()): Promise<SanitizedConfig> =>
  buildConfig({
    admin: {
      importMap: { baseDir: dirname },
      // No gravatar: the panel makes no requests to third parties.
      avatar: 'default',
      meta: { titleSuffix: '- Atelier' },
      user: Users.slug,
    },
    collections: [Tenants, Users, mediaCollection(env.ATELIER_MEDIA_DIR)],
    // Migrations (prodMigrations at connect, runMigrations, the CLI) run one node at a time (utilities/migrationLock.ts).
    db: migrateOneAtATime(
      postgresAdapter({
        migrationDir: path.resolve(dirname, 'migrations'),
        // Releases the connection the adapter opens each pool with, and survives a replica down at boot.
        pg: adapterPg(env.DATABASE_URL ?? '', env.readReplicaUrls),
        pool: {
          connectionString: env.DATABASE_URL ?? '',
          connectionTimeoutMillis: 5_000,
        },
        prodMigrations: migrations,
        // Selects outside a transaction go to a replica, except for 2 s after this process wrote (docs/scaling.md).
        readReplicas: env.readReplicaUrls.length > 0 ? env.readReplicaUrls : undefined,
        // Schema changes are committed migrations; only a throwaway test database may be pushed.
        push: env.ATELIER_DB_PUSH,
      }),
    ),
    editor: lexicalEditor(),
    email: nodemailerAdapter({
      defaultFromAddress: env.SMTP_FROM,
      defaultFromName: env.ATELIER_EMAIL_FROM_NAME,
      skipVerify: true,
      transport: createMailTransport({
        // Tests read mail from their own SMTP server, or not at all.
        fileDir: env.NODE_ENV === 'test' ? undefined : env.ATELIER_MAIL_DIR,
        host: env.SMTP_HOST,
        pass: env.SMTP_PASS,
        port: env.SMTP_PORT,
        user: env.SMTP_USER,
      }),
    }),
    endpoints: [healthEndpoint],
    hooks: { afterError: [answerRestErrorsInProjectShape] },
    graphQL: { disable: true },
    i18n: {
      fallbackLanguage: 'en',
      supportedLanguages: adminSupportedLanguages,
    },
    logger: { options: { level: env.ATELIER_LOG_LEVEL } },
    jobs: {
      // Scheduled tasks (retention, expired roles) and queued ones (alerts) run in the server process on these
      // crons (ATELIER_ROLE=all, the default), or in `npm run worker` processes polling the same queues; a
      // `web` node runs none (plugins/workers).
      autoRun: [
        { cron: '* * * * *', queue: 'default' },
        { cron: '* * * * *', queue: 'immediate' },
        { cron: '*/10 * * * *', queue: 'nightly' },
      ],
      // Tests run jobs explicitly with payload.jobs.run().
      shouldAutoRun: () => env.NODE_ENV !== 'test',
    },
    localization: {
      defaultLocale: DEFAULT_LOCALE,
      fallback: true,
      locales: CONTENT_LOCALES.map(({ code, label }) => ({ code, label })),
    },
    onInit: async (payload) => {
      logIdlePoolErrors(payload)
      logReplicaPoolErrors(payload)
    },
    // Storage after the plugins: it wraps media as they left it (tenant field, hooks) and adds only its own hooks.
    // Database faults last: it guards every relationship field that any of them added.
    plugins: [...atelierPlugins(env), objectStoragePlugin(env.objectStorage), databaseFaultsPlugin()],
    secret: env.payloadSecret,
    serverURL: env.ATELIER_PUBLIC_URL,
    sharp,
    telemetry: false,
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  })

export default atelierConfig()
