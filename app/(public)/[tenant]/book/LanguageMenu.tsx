'use client'
// The page's language: the visitor's choice is kept in a cookie by the server (POST /api/i18n/set-session),
// then the page is rendered again on the server with that language's strings; what was typed stays.
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import { callApi } from './api'
import styles from './book.module.css'
import { useLanguage, useT } from './messages'

/** A language the menu offers, labelled in its own words (from the server: the platform's list). */
export type LanguageOption = { code: string; nativeLabel: string }

export function LanguageMenu({ languages }: { languages: LanguageOption[] }) {
  const t = useT()
  const language = useLanguage()
  const router = useRouter()
  const [wanted, setWanted] = useState<null | string>(null)
  const [failed, setFailed] = useState(false)
  const [refreshing, startRefresh] = useTransition()
  if (languages.length < 2) return null

  const choose = async (code: string) => {
    setWanted(code)
    setFailed(false)
    const result = await callApi<unknown>('/api/i18n/set-session', {
      body: JSON.stringify({ language: code }),
      headers: { 'Content-Type': 'application/json' },
      method: 'POST',
    })
    if (!result.ok) {
      setWanted(null)
      setFailed(true)
      return
    }
    startRefresh(() => router.refresh())
  }

  return (
    <div className={styles.languageMenu}>
      <label htmlFor="language-menu">{t('language.label')}</label>
      <select aria-busy={refreshing || undefined} id="language-menu" onChange={(event) => void choose(event.target.value)} value={wanted ?? language}>
        {languages.map((option) => (
          <option key={option.code} lang={option.code} value={option.code}>
            {option.nativeLabel}
          </option>
        ))}
      </select>
      {failed && (
        <p className={styles.fieldError} role="alert">
          {t('language.failed')}
        </p>
      )}
    </div>
  )
}
