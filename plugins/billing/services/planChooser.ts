// Billing's plans in the onboarding wizard (signup's plan-chooser seam). Choosing one writes nothing: the
// subscription starts when it is paid, so each choice carries the checkout the wizard opens next.
import type { PlanChooser } from '../../signup'

import { currencyExponent } from '../../../utilities/currencyExponent'
import { paymentsOptions } from '../../payments'

const monthly = (amount: number, currency: string, locale: string) =>
  `${new Intl.NumberFormat(locale, { currency, style: 'currency' }).format(amount / 10 ** currencyExponent(currency))} a month`

export const billingPlanChooser: PlanChooser = {
  // A choice is made only to be paid: none is offered where payments are off.
  choose: () => undefined,
  list: async ({ req, tenant }) => {
    if (!paymentsOptions(req.payload).client) return []
    const { docs } = await req.payload.find({
      collection: 'plans',
      depth: 0,
      locale: tenant.defaultLocale,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'sortOrder',
      where: { active: { equals: true } },
    })
    return docs.map((plan) => ({
      checkoutUrl: `/api/billing/create-checkout?plan=${encodeURIComponent(plan.code)}&period=month&tenant=${tenant.id}`,
      description: [monthly(plan.monthlyPrice, plan.currency, tenant.defaultLocale), ...(plan.features ?? []).map(({ text }) => text)].join(' · '),
      id: plan.code,
      name: plan.name,
    }))
  },
}
