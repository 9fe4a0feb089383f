import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'


// Exact rates, one per provider day and currency, always positive; the seeded currencies, active where the ECB
// publishes them (KWD is not: it stays inactive, for studios that enter amounts by hand). Exponents as the
// money module gives them, written out so the migration never changes with the runtime's Intl data.
const EXPONENTS: Record<string, number> = { JPY: 0, KWD: 3 }
const CURRENCIES: [code: string, symbol: string, en: string, fr: string, active: boolean][] = [
  ['EUR', '€', 'Euro', 'Euro', true],
  ['USD', '$', 'US dollar', 'Dollar américain', true],
  ['GBP', '£', 'Pound sterling', 'Livre sterling', true],
  ['CHF', 'CHF', 'Swiss franc', 'Franc suisse', true],
  ['JPY', '¥', 'Japanese yen', 'Yen japonais', true],
  ['CAD', 'CA$', 'Canadian dollar', 'Dollar canadien', true],
  ['AUD', 'A$', 'Australian dollar', 'Dollar australien', true],
  ['NZD', 'NZ$', 'New Zealand dollar', 'Dollar néo-zélandais', true],
  ['SEK', 'kr', 'Swedish krona', 'Couronne suédoise', true],
  ['NOK', 'kr', 'Norwegian krone', 'Couronne norvégienne', true],
  ['DKK', 'kr', 'Danish krone', 'Couronne danoise', true],
  ['PLN', 'zł', 'Polish złoty', 'Złoty polonais', true],
  ['CZK', 'Kč', 'Czech koruna', 'Couronne tchèque', true],
  ['KWD', 'KD', 'Kuwaiti dinar', 'Dinar koweïtien', false],
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'refreshExchangeRates' BEFORE 'auditAlert';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'refreshExchangeRates' BEFORE 'auditAlert';
  CREATE TABLE "currencies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"exponent" numeric,
  	"symbol" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "currencies_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "exchange_rates" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"currency" varchar NOT NULL,
  	"rate" varchar NOT NULL,
  	"provider" varchar DEFAULT 'ecb' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "display_currency" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "currencies_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "exchange_rates_id" integer;
  ALTER TABLE "currencies_locales" ADD CONSTRAINT "currencies_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."currencies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "currencies_code_idx" ON "currencies" USING btree ("code");
  CREATE INDEX "currencies_active_idx" ON "currencies" USING btree ("active");
  CREATE INDEX "currencies_updated_at_idx" ON "currencies" USING btree ("updated_at");
  CREATE INDEX "currencies_created_at_idx" ON "currencies" USING btree ("created_at");
  CREATE UNIQUE INDEX "currencies_locales_locale_parent_id_unique" ON "currencies_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "exchange_rates_date_idx" ON "exchange_rates" USING btree ("date");
  CREATE INDEX "exchange_rates_updated_at_idx" ON "exchange_rates" USING btree ("updated_at");
  CREATE INDEX "exchange_rates_created_at_idx" ON "exchange_rates" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_currencies_fk" FOREIGN KEY ("currencies_id") REFERENCES "public"."currencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_exchange_rates_fk" FOREIGN KEY ("exchange_rates_id") REFERENCES "public"."exchange_rates"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_currencies_id_idx" ON "payload_locked_documents_rels" USING btree ("currencies_id");
  CREATE INDEX "payload_locked_documents_rels_exchange_rates_id_idx" ON "payload_locked_documents_rels" USING btree ("exchange_rates_id");
  ALTER TABLE "exchange_rates" ALTER COLUMN "rate" SET DATA TYPE numeric USING "rate"::numeric;
  ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_rate_positive" CHECK ("rate" > 0);
  ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_date_format" CHECK ("date" ~ '^\\d{4}-\\d{2}-\\d{2}$');
  CREATE UNIQUE INDEX "exchange_rates_date_currency_unique" ON "exchange_rates" USING btree ("date", "currency");`)
  for (const [code, symbol, en, fr, active] of CURRENCIES) {
    await db.execute(sql`
      with made as (
        insert into currencies (code, exponent, symbol, active) values (${code}, ${EXPONENTS[code] ?? 2}, ${symbol}, ${active}) returning id
      )
      insert into currencies_locales (name, _locale, _parent_id) select ${en}, 'en'::_locales, id from made union all select ${fr}, 'fr'::_locales, id from made`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "currencies" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "currencies_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "exchange_rates" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "currencies" CASCADE;
  DROP TABLE "currencies_locales" CASCADE;
  DROP TABLE "exchange_rates" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_currencies_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_exchange_rates_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'expireRoleAssignments', 'pushSiteKey', 'markStaleSites', 'sendBookingLookup', 'expireBookingHolds', 'processStripeEvent', 'refundCancellation', 'expireHolds', 'sendSignupEmail', 'purgeUnverifiedSignups', 'trialLifecycle', 'billingSweep', 'recheckDomains', 'auditAlert', 'auditRetention');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_currencies_id_idx";
  DROP INDEX "payload_locked_documents_rels_exchange_rates_id_idx";
  ALTER TABLE "users" DROP COLUMN "display_currency";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "currencies_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "exchange_rates_id";`)
}
