// Reads and checks Atelier's environment once. Every env var the app reads is listed here.
import { z } from 'zod'

import { onForgetProcessCaches } from './processCaches'

export const DEV_PAYLOAD_SECRET = 'atelier-development-secret-do-not-use-in-production'
export const DEV_ADMIN_EMAIL = 'admin@atelier.test'
export const DEV_ADMIN_PASSWORD = 'atelier-admin'
export const DEV_DEMO_PASSWORD = 'atelier-demo'

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1')

const envSchema = z.object({
  // The AI assistant (plugins/ai-chat): off without a provider key. Provider settings are checked in its providerConfig.
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().optional(),
  ATELIER_AI_CONFIRM_ABOVE: z.coerce.number().int().min(0).default(20),
  ATELIER_AI_MAX_OUTPUT_TOKENS: z.coerce.number().int().min(64).max(32_000).default(1024),
  ATELIER_AI_MODEL: z.string().optional(),
  ATELIER_AI_PROVIDER: z.enum(['anthropic', 'openai', '']).optional(),
  ATELIER_AI_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  ATELIER_AI_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().optional(),
  ATELIER_ADMIN_EMAIL: z.string().email().optional(),
  ATELIER_ADMIN_PASSWORD: z.string().min(8).optional(),
  ATELIER_BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  ATELIER_BILLING_TRIAL_PLAN: z.string().default('studio'),
  ATELIER_BOOKING_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  // Exactly `true`, nothing else: pushing the schema is only for a throwaway database.
  ATELIER_DB_PUSH: z
    .string()
    .optional()
    .transform((value) => value === 'true'),
  ATELIER_EMAIL_FROM_NAME: z.string().default('Atelier'),
  ATELIER_JOBS_SECRET: z.string().min(32).optional(),
  ATELIER_PUBLIC_OPEN_BOOKINGS_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  ATELIER_PUBLIC_OPEN_BOOKINGS_PER_IP: z.coerce.number().int().min(1).default(3),
  ATELIER_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  ATELIER_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  /** Other names the platform answers to (an internal service name with a dot, a PaaS name); read by proxy.ts. */
  ATELIER_PLATFORM_HOSTS: z.string().default(''),
  ATELIER_RESERVED_SLUGS: z.string().default(''),
  // What this process does (README, "Running in production"): `web` serves HTTP and runs no queue, `worker`
  // (`npm run worker`) runs the queues and serves only its health port, `all` does both.
  ATELIER_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  /** On SIGTERM, how long requests in progress (web) or the jobs in hand (worker) may take to finish. */
  ATELIER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(20),
  ATELIER_WORKER_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  ATELIER_WORKER_POLL_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
  ATELIER_SIGNUP_RESPONSE_FLOOR_MS: z.coerce.number().int().min(0).max(10_000).default(1500),
  ATELIER_SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(10),
  ATELIER_TLS_ASK_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  ATELIER_TRIAL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  ATELIER_UNVERIFIED_SIGNUPS_PER_DOMAIN_PER_HOUR: z.coerce.number().int().min(1).default(5),
  ATELIER_DEMO_PASSWORD: z.string().min(8).optional(),
  ATELIER_DEPLOYER: z.enum(['none', 'webhook', 'local']).default('none'),
  ATELIER_DEPLOY_WEBHOOK_SECRET: z.string().min(16).optional(),
  ATELIER_DEPLOY_WEBHOOK_URL: z.string().url().optional(),
  ATELIER_DNS_SERVER: z.string().optional(),
  // Exchange rates (plugins/currency): the ECB daily file, and how old rates may be before conversions refuse them.
  ATELIER_RATES_URL: z.string().url().default('https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml'),
  ATELIER_RATES_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(60).default(4),
  // Custom domains (plugins/domains): where studios point their hostnames, and what the domain doctor checks.
  ATELIER_CNAME_TARGET: z.string().optional(),
  ATELIER_EDGE_IPS: z.string().default(''),
  ATELIER_TLS_CA_DOMAIN: z.string().default('letsencrypt.org'),
  ATELIER_TLS_PROBE_ADDRESS: z.string().optional(),
  ATELIER_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ATELIER_MEDIA_DIR: z.string().default('.data/media'),
  // Uploads in an S3-compatible bucket (utilities/objectStorage.ts) when S3_BUCKET is set, else in ATELIER_MEDIA_DIR.
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().or(z.literal('')).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag,
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  ATELIER_SEED_DEMO: booleanFlag,
  ATELIER_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  ATELIER_SITES_ALLOW_PRIVATE: booleanFlag,
  ATELIER_SITES_ALLOWED_DOMAINS: z.string().default('onrender.com,herokuapp.com,vercel.app'),
  ATELIER_SITES_HTTP_HOSTS: z.string().default(''),
  ATELIER_SITES_KEY_GRACE_SECONDS: z.coerce.number().int().min(0).default(86_400),
  ATELIER_SITES_KEY_PUSH_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  ATELIER_SITES_KEY_PUSH_BACKOFF_MS: z.coerce.number().int().min(0).default(60_000),
  ATELIER_SITES_LOCAL_DIR: z.string().default('.data/sites'),
  ATELIER_SITES_REGISTER_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  ATELIER_SITES_STALE_DAYS: z.coerce.number().int().min(1).default(7),
  DATABASE_URL: z.string().optional(),
  /** Comma-separated read replicas of DATABASE_URL (docs/scaling.md: which reads go there). */
  DATABASE_REPLICA_URLS: z.string().default(''),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  NODE_ENV: z.string().default('development'),
  PAYLOAD_SECRET: z.string().optional(),
  PORT: z.string().default('3000'),
  // Rate-limit counters (utilities/rateLimitStore.ts) in this Redis when set, else in the app's PostgreSQL.
  REDIS_URL: z.string().optional(),
  ATELIER_MAIL_DIR: z.string().default('.data/mail'),
  STRIPE_API_BASE: z.string().url().default('https://api.stripe.com'),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  SMTP_FROM: z.string().email().default('no-reply@atelier.test'),
  SMTP_HOST: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
})

/** An S3-compatible bucket (AWS, MinIO, R2, …) and the keys to it. */
export type ObjectStorageSettings = {
  accessKeyId: string
  bucket: string
  /** Unset: AWS itself. */
  endpoint: string | undefined
  /** `bucket` in the path rather than the host name, as MinIO and most self-hosted stores want. */
  forcePathStyle: boolean
  region: string
  secretAccessKey: string
}

export type AtelierEnv = z.infer<typeof envSchema> & {
  adminEmail: string | undefined
  adminPassword: string | undefined
  demoPassword: string | undefined
  isProduction: boolean
  /** Where uploads go: undefined keeps them on local disk, in ATELIER_MEDIA_DIR. */
  objectStorage: ObjectStorageSettings | undefined
  payloadSecret: string
  /** DATABASE_REPLICA_URLS split: empty without replicas. */
  readReplicaUrls: string[]
}

/** The bucket when S3_BUCKET is set; a bucket without its keys stops the boot rather than failing each upload. */
const objectStorageOf = (env: z.infer<typeof envSchema>): ObjectStorageSettings | undefined => {
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_BUCKET: bucket, S3_SECRET_ACCESS_KEY: secretAccessKey } = env
  if (!bucket) return undefined
  if (!accessKeyId || !secretAccessKey) throw new Error('S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.')
  return {
    accessKeyId,
    bucket,
    endpoint: env.S3_ENDPOINT || undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    region: env.S3_REGION,
    secretAccessKey,
  }
}

/** True when a production server is starting, as opposed to `next build` evaluating the config. */
const isProductionRuntime = (source: NodeJS.ProcessEnv): boolean =>
  source.NODE_ENV === 'production' && source.NEXT_PHASE !== 'phase-production-build'

/** Reads and checks `source` now. Launchers that change process.env (the database URL) call it themselves. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AtelierEnv {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment: ${details.join('; ')}`)
  }
  const env = parsed.data
  if (env.ATELIER_DEPLOYER === 'webhook' && (!env.ATELIER_DEPLOY_WEBHOOK_URL || !env.ATELIER_DEPLOY_WEBHOOK_SECRET)) {
    throw new Error('ATELIER_DEPLOYER=webhook needs ATELIER_DEPLOY_WEBHOOK_URL and ATELIER_DEPLOY_WEBHOOK_SECRET.')
  }
  const isProduction = env.NODE_ENV === 'production'
  const objectStorage = objectStorageOf(env)

  if (isProductionRuntime(source)) {
    if (!env.PAYLOAD_SECRET || env.PAYLOAD_SECRET.length < 32 || env.PAYLOAD_SECRET === DEV_PAYLOAD_SECRET) {
      throw new Error('PAYLOAD_SECRET must be set to a random string of 32 characters or more in production.')
    }
    if (env.ATELIER_ADMIN_EMAIL === DEV_ADMIN_EMAIL || env.ATELIER_ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) {
      throw new Error('The development admin credentials are refused in production: set ATELIER_ADMIN_EMAIL and ATELIER_ADMIN_PASSWORD.')
    }
  }

  return {
    ...env,
    adminEmail: env.ATELIER_ADMIN_EMAIL ?? (isProduction ? undefined : DEV_ADMIN_EMAIL),
    adminPassword: env.ATELIER_ADMIN_PASSWORD ?? (isProduction ? undefined : DEV_ADMIN_PASSWORD),
    demoPassword: env.ATELIER_DEMO_PASSWORD ?? (isProduction ? undefined : DEV_DEMO_PASSWORD),
    isProduction,
    objectStorage,
    payloadSecret: env.PAYLOAD_SECRET ?? DEV_PAYLOAD_SECRET,
    readReplicaUrls: env.DATABASE_REPLICA_URLS.split(',').map((url) => url.trim()).filter(Boolean),
  }
}

let processEnv: AtelierEnv | undefined
onForgetProcessCaches(() => {
  processEnv = undefined
})

/**
 * The app's environment, read and checked on first use and kept for the life of the process. First used
 * when the config loads, i.e. after a launcher or a test has set the variables.
 */
export const atelierEnv = (): AtelierEnv => (processEnv ??= loadEnv())
