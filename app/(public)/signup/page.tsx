import type { Metadata } from 'next'

import styles from '../[tenant]/book/book.module.css'
import { atelierEnv } from '../../../utilities/env'
import { SignupForm } from './SignupForm'

export const metadata: Metadata = { title: 'Create your studio' }
export const dynamic = 'force-dynamic'

/** /signup: a studio owner creates their studio; the trial starts once they confirm their address. */
export default function SignupPage() {
  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <p className={styles.eyebrow}>Atelier</p>
        <h1 className={styles.title}>Create your studio</h1>
        <p className={styles.muted}>A booking page for your rooms in ten minutes. Free for {atelierEnv().ATELIER_TRIAL_DAYS} days, no card needed.</p>
      </header>
      <SignupForm publicUrl={atelierEnv().ATELIER_PUBLIC_URL.replace(/\/+$/, '')} />
    </main>
  )
}
