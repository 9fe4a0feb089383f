'use client'
// The currency the visitor reads prices in: from the cookie, else their browser's locale, else the studio's.
// Prices stay charged in the studio's currency; a converted amount is marked approximate (≈), uses the
// published rates with the server's exact arithmetic, and is not shown at all when the rates are stale.
import { useEffect, useState } from 'react'

import { convertMinor, currencyForLocale, type RateTable } from '../../../../plugins/currency/client'
import { callApi } from './api'
import { useFormat, useLanguage, useT } from './messages'

const COOKIE = 'atelier_currency'
const YEAR_SECONDS = 365 * 86_400

export type OfferedCurrency = { code: string; name: string }
type Rates = { date: string; rates: RateTable; stale: boolean }

const cookieCurrency = (): null | string => document.cookie.match(/(?:^|;\s*)atelier_currency=([A-Z]{3})(?:;|$)/)?.[1] ?? null

export function useCurrencyChoice(charged: null | string) {
  const t = useT()
  const language = useLanguage()
  const { longDate, money: formatMoney } = useFormat()
  const [offered, setOffered] = useState<OfferedCurrency[]>([])
  const [rates, setRates] = useState<null | Rates>(null)
  const [chosen, setChosen] = useState<null | string>(null)

  useEffect(() => {
    if (!charged) return
    const controller = new AbortController()
    // The currencies' names in the page's language (English where a name has no translation).
    const query = `limit=200&depth=0&sort=code&locale=${encodeURIComponent(language)}&fallback-locale=en&select[code]=true&select[name]=true`
    void Promise.all([
      callApi<{ docs: OfferedCurrency[] }>(`/api/currencies?${query}`, { signal: controller.signal }),
      callApi<Rates>('/api/currencies/rates', { signal: controller.signal }),
    ]).then(([currencies, published]) => {
      if (controller.signal.aborted) return
      const codes = currencies.ok ? currencies.data.docs.map((currency) => currency.code) : []
      setOffered(currencies.ok ? currencies.data.docs : [])
      setRates(published.ok ? published.data : null)
      const remembered = cookieCurrency()
      setChosen(remembered && codes.includes(remembered) ? remembered : (currencyForLocale(navigator.languages, codes) ?? charged))
    })
    return () => controller.abort()
  }, [charged, language])

  const choose = (code: string) => {
    setChosen(code)
    document.cookie = `${COOKIE}=${code}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`
  }

  const shown = chosen ?? charged
  const usable = rates && !rates.stale ? rates : null
  /** Minor units of the chosen currency, or null: the same currency, no fresh rates, or no rate for one of them. */
  const convert = (minor: number): null | number => {
    if (!charged || !shown || shown === charged || !usable) return null
    try {
      return convertMinor(minor, charged, shown, usable.rates).amount
    } catch {
      return null
    }
  }
  /** "€60.00 (≈ CA$88.92)": what is charged, then the approximate amount in the chosen currency. */
  const money = (minor: number): string => {
    if (!charged) return String(minor)
    const converted = convert(minor)
    return converted === null || !shown ? formatMoney(minor, charged) : `${formatMoney(minor, charged)} (≈ ${formatMoney(converted, shown)})`
  }
  const converting = Boolean(charged && shown && shown !== charged && usable)
  const note = !charged
    ? ''
    : shown === charged
      ? t('currency.note.same', { charged })
      : usable
        ? t('currency.note.approximate', { charged, date: longDate(usable.date), shown: shown ?? '' })
        : t(rates?.stale ? 'currency.note.stale' : 'currency.note.noRates', { charged, shown: shown ?? '' })
  /** What the booking keeps of the page's conversion, so the studio sees what was shown. */
  const display = converting && shown && usable ? { currency: shown, rateDate: usable.date } : undefined

  return { choose, chosen: shown, display, money, note, offered }
}

export type CurrencyChoice = ReturnType<typeof useCurrencyChoice>
