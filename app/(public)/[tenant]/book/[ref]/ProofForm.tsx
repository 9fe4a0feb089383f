'use client'

// "Find your booking": the access code from the email, or the address booked with.
import { type ChangeEvent, type FormEvent, useId, useRef, useState } from 'react'

import type { Proof } from './manageTypes'

import { sendableInHeader } from '../api'
import styles from '../book.module.css'
import { EMAIL } from '../format'
import { useRich, useT } from '../messages'
import manage from './manage.module.css'
import { MAX_ACCESS_CODE, NOT_FOUND } from './manageTypes'

type Props = {
  alert: null | string
  bookingRef: string
  emailError: null | string
  onProof: (proof: Proof) => Promise<void>
  setAlert: (message: null | string) => void
  setEmailError: (message: null | string) => void
  submitting: boolean
}

export function ProofForm({ alert, bookingRef, emailError, onProof, setAlert, setEmailError, submitting }: Props) {
  const t = useT()
  const rich = useRich()
  const [codeInput, setCodeInput] = useState('')
  const [emailInput, setEmailInput] = useState('')
  const codeField = useRef<HTMLInputElement>(null)
  const emailField = useRef<HTMLInputElement>(null)
  const idPrefix = useId()
  const codeId = `${idPrefix}-code`
  const emailId = `${idPrefix}-email`

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (submitting) return
    const code = codeInput.trim()
    const email = emailInput.trim()
    setAlert(null)
    setEmailError(null)
    if (code === '' && email === '') {
      setAlert(t('manage.proof.missing'))
      codeField.current?.focus()
      return
    }
    if (email !== '' && !EMAIL.test(email)) {
      setEmailError(t('common.emailInvalid'))
      emailField.current?.focus()
      return
    }
    if (code !== '' && !sendableInHeader(code, MAX_ACCESS_CODE)) {
      setAlert(t(NOT_FOUND))
      codeField.current?.focus()
      return
    }
    await onProof({ ...(code ? { token: code } : {}), ...(email ? { email } : {}) })
  }

  return (
    <>
      <h2 className={styles.stepHeading}>{t('manage.proof.heading')}</h2>
      <p>{rich('manage.proof.intro', { ref: <span className={manage.nowrap}>{bookingRef.trim().toUpperCase()}</span> })}</p>
      {alert && (
        <div className={styles.alert} role="alert">
          <p>{alert}</p>
        </div>
      )}
      <form className={manage.proofForm} noValidate onSubmit={(event) => void submit(event)}>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={codeId}>
            {t('manage.proof.code')}
          </label>
          <input
            autoCapitalize="none"
            autoComplete="off"
            autoCorrect="off"
            className={styles.control}
            id={codeId}
            maxLength={MAX_ACCESS_CODE}
            name="code"
            onChange={(event: ChangeEvent<HTMLInputElement>) => setCodeInput(event.target.value)}
            ref={codeField}
            spellCheck={false}
            type="text"
            value={codeInput}
          />
        </div>
        <p aria-hidden="true" className={manage.or}>
          {t('manage.proof.or')}
        </p>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={emailId}>
            {t('manage.proof.email')}
          </label>
          <input
            aria-describedby={emailError ? `${emailId}-error` : undefined}
            aria-invalid={emailError ? true : undefined}
            autoComplete="email"
            className={styles.control}
            id={emailId}
            inputMode="email"
            name="email"
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              setEmailInput(event.target.value)
              setEmailError(null)
            }}
            ref={emailField}
            type="email"
            value={emailInput}
          />
          {emailError && (
            <p className={styles.fieldError} id={`${emailId}-error`}>
              {emailError}
            </p>
          )}
        </div>
        <button aria-disabled={submitting} className={styles.primary} type="submit">
          {submitting ? t('manage.proof.looking') : t('manage.proof.submit')}
        </button>
      </form>
    </>
  )
}
