'use client'
// "Show prices in": the visitor's reading currency, and what they are charged in.
import type { CurrencyChoice } from './useCurrencyChoice'

import styles from './book.module.css'
import { useT } from './messages'

export function CurrencyMenu({ choice }: { choice: CurrencyChoice }) {
  const t = useT()
  if (choice.offered.length === 0 || !choice.chosen) return null
  return (
    <div className={styles.currencyMenu}>
      <label htmlFor="currency-menu">{t('currency.label')}</label>
      <select id="currency-menu" onChange={(event) => choice.choose(event.target.value)} value={choice.chosen}>
        {choice.offered.map((currency) => (
          <option key={currency.code} value={currency.code}>
            {currency.code} · {currency.name}
          </option>
        ))}
      </select>
      <p aria-live="polite" className={styles.muted} id="currency-note">
        {choice.note}
      </p>
    </div>
  )
}
