// For the billing migration: its own SQL beyond Payload's tables: the wallet, the ledger's append-only trigger, and
// the plans and packs Atelier starts with. Plain SQL, so that later schema changes cannot break it.
import { sql } from '@payloadcms/db-postgres'

import type { Executor } from '../../../utilities/transactionDb'

type SeedPlan = {
  code: string
  features: Record<'en' | 'fr', string[]>
  limits: [rooms: null | number, staffSeats: null | number, bookingsPerMonth: null | number, customDomains: null | number, aiCreditsPerMonth: null | number]
  monthly: number
  name: Record<'en' | 'fr', string>
  yearly: number
}

const PLANS: SeedPlan[] = [
  {
    code: 'solo',
    features: { en: ['1 room', '2 staff seats', '150 bookings a month', '50 AI credits a month'], fr: ['1 salle', '2 comptes équipe', '150 réservations par mois', '50 crédits IA par mois'] },
    limits: [1, 2, 150, 0, 50],
    monthly: 1900,
    name: { en: 'Solo', fr: 'Solo' },
    yearly: 19000,
  },
  {
    code: 'studio',
    features: { en: ['5 rooms', '10 staff seats', '1,000 bookings a month', '1 custom domain', '500 AI credits a month'], fr: ['5 salles', '10 comptes équipe', '1 000 réservations par mois', '1 domaine personnalisé', '500 crédits IA par mois'] },
    limits: [5, 10, 1000, 1, 500],
    monthly: 4900,
    name: { en: 'Studio', fr: 'Studio' },
    yearly: 49000,
  },
  {
    code: 'network',
    features: { en: ['Unlimited rooms', 'Unlimited staff seats', 'Unlimited bookings', '5 custom domains', '3,000 AI credits a month'], fr: ['Salles illimitées', 'Équipe illimitée', 'Réservations illimitées', '5 domaines personnalisés', '3 000 crédits IA par mois'] },
    limits: [null, null, null, 5, 3000],
    monthly: 14900,
    name: { en: 'Network', fr: 'Réseau' },
    yearly: 149000,
  },
]

const PACKS = [
  { credits: 100, name: { en: '100 AI credits', fr: '100 crédits IA' }, price: 900 },
  { credits: 500, name: { en: '500 AI credits', fr: '500 crédits IA' }, price: 3900 },
  { credits: 2000, name: { en: '2,000 AI credits', fr: '2 000 crédits IA' }, price: 12900 },
]

export async function createWalletAndLedgerGuard(db: Executor): Promise<void> {
  await db.execute(sql`
    CREATE TABLE "credit_wallets" (
      "tenant_id" integer PRIMARY KEY REFERENCES "tenants"("id") ON DELETE CASCADE,
      "balance" integer NOT NULL DEFAULT 0 CONSTRAINT "credit_wallets_balance_not_negative" CHECK ("balance" >= 0),
      "grant_remaining" integer NOT NULL DEFAULT 0 CONSTRAINT "credit_wallets_grant_within_balance" CHECK ("grant_remaining" >= 0 AND "grant_remaining" <= "balance"),
      "grant_reference" varchar,
      "grant_expires_at" timestamp(3) with time zone,
      "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now()
    );
    CREATE FUNCTION "credit_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'credit_ledger is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
    END $$;
    CREATE TRIGGER "credit_ledger_append_only" BEFORE UPDATE OR DELETE ON "credit_ledger"
      FOR EACH ROW EXECUTE FUNCTION "credit_ledger_append_only"();`)
}

export async function dropWalletAndLedgerGuard(db: Executor): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS "credit_ledger_append_only" ON "credit_ledger";
    DROP FUNCTION IF EXISTS "credit_ledger_append_only"();
    DROP TABLE IF EXISTS "credit_wallets";`)
}

export async function seedPlansAndPacks(db: Executor): Promise<void> {
  for (const [index, plan] of PLANS.entries()) {
    const [rooms, seats, bookings, domains, credits] = plan.limits
    const { rows } = (await db.execute(sql`
      insert into plans (code, monthly_price, yearly_price, currency, limits_rooms, limits_staff_seats, limits_bookings_per_month,
        limits_custom_domains, limits_ai_credits_per_month, active, sort_order)
      values (${plan.code}, ${plan.monthly}, ${plan.yearly}, 'EUR', ${rooms}, ${seats}, ${bookings}, ${domains}, ${credits}, true, ${index})
      returning id`)) as { rows: { id: number }[] }
    const planId = rows[0]!.id
    for (const locale of ['en', 'fr'] as const) {
      await db.execute(sql`insert into plans_locales (name, _locale, _parent_id) values (${plan.name[locale]}, ${locale}, ${planId})`)
      for (const [order, text] of plan.features[locale].entries()) {
        await db.execute(sql`insert into plans_features (_order, _parent_id, _locale, id, text) values (${order + 1}, ${planId}, ${locale}, ${`${plan.code}-${locale}-${order}`}, ${text})`)
      }
    }
  }
  for (const pack of PACKS) {
    const { rows } = (await db.execute(sql`insert into credit_packs (credits, price, currency, active) values (${pack.credits}, ${pack.price}, 'EUR', true) returning id`)) as { rows: { id: number }[] }
    for (const locale of ['en', 'fr'] as const) {
      await db.execute(sql`insert into credit_packs_locales (name, _locale, _parent_id) values (${pack.name[locale]}, ${locale}, ${rows[0]!.id})`)
    }
  }
}
