import type { Metadata } from 'next'

import config from '@payload-config'
import { getPayload } from 'payload'

import styles from '../../[tenant]/book/book.module.css'
import { pendingOwnerFor } from '../../../../plugins/signup'

export const metadata: Metadata = { robots: { index: false }, title: 'Confirm your address' }
export const dynamic = 'force-dynamic'

const PROBLEMS: Record<string, string> = {
  locked: 'Too many wrong passwords: the account is locked for a while. Try again later.',
  wrong_password: 'That is not the password chosen at signup.',
}
const INVALID = 'This link has already been used or has expired. If your address is confirmed, sign in.'

/**
 * /signup/verify?token= : the link in the verification email. Opening it changes nothing (mail scanners
 * open links too). The form asks for the password chosen at signup, so that only the person who signed up
 * (and owns the mailbox) activates the account, and posts both.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ error?: string; token?: string }> }) {
  const { error, token } = await searchParams
  const owner = token && /^[0-9a-f]{20,128}$/.test(token) ? await pendingOwnerFor(await getPayload({ config }), token) : null
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Atelier</p>
        <h1 className={styles.title}>Confirm your address</h1>
      </header>
      {!owner ? (
        <div className={styles.card} role="alert">
          <p>{INVALID}</p>
          <a href="/admin/login">Sign in</a>
        </div>
      ) : (
        <form action="/signup/verify/confirm" className={styles.card} method="post">
          <p>
            Confirm <strong>{owner.email}</strong> with the password you chose when you signed up.
          </p>
          {error && PROBLEMS[error] && (
            <p className={styles.fieldError} id="password-error" role="alert">
              {PROBLEMS[error]}
            </p>
          )}
          <input name="token" type="hidden" value={token} />
          <div className={styles.field}>
            <label className={styles.label} htmlFor="password">
              Password
            </label>
            <input aria-describedby={error ? 'password-error' : undefined} autoComplete="current-password" className={styles.control} id="password" name="password" required type="password" />
          </div>
          <button className={styles.primary} type="submit">
            Confirm and continue
          </button>
        </form>
      )}
    </main>
  )
}
