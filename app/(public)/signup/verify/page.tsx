import type { Metadata } from 'next'

import styles from '../../[tenant]/book/book.module.css'

export const metadata: Metadata = { robots: { index: false }, title: 'Confirm your address' }

const MESSAGES: Record<string, string> = {
  invalid: 'This link has already been used or has expired. If your address is confirmed, sign in.',
}

/**
 * /signup/verify?token= : the link in the verification email. Opening it changes nothing (mail scanners
 * open links too); the button posts the token, which verifies the address and signs the owner in.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ error?: string; token?: string }> }) {
  const { error, token } = await searchParams
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Atelier</p>
        <h1 className={styles.title}>Confirm your address</h1>
      </header>
      {error || !token ? (
        <div className={styles.card} role="alert">
          <p>{MESSAGES[error ?? ''] ?? MESSAGES.invalid}</p>
          <a href="/admin/login">Sign in</a>
        </div>
      ) : (
        <form action="/signup/verify/confirm" className={styles.card} method="post">
          <p>One click and your studio is ready to set up.</p>
          <input name="token" type="hidden" value={token} />
          <button className={styles.primary} type="submit">
            Confirm and continue
          </button>
        </form>
      )}
    </main>
  )
}
