'use client'
// "Show prices in": the visitor's reading currency, and what they are charged in.
import type { CurrencyChoice } from './useCurrencyChoice'

import styles from './book.module.css'

export function CurrencyMenu({ choice }: { choice: CurrencyChoice }) {
  if (choice.offered.length === 0 || !choice.chosen) return null
  return (
    <div className={styles.currencyMenu}>
      <label htmlFor="currency-menu">Show prices in</label>
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
