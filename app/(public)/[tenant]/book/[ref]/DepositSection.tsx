// The deposit to pay, on the payment provider's page, and until when the slot waits for it.
import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import { useFormat, useRich, useT } from '../messages'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'

type Props = { alert: null | string; booking: Booking; headingId: string; onPay: () => void; paying: boolean }

export function DepositSection({ alert, booking, headingId, onPay, paying }: Props) {
  const t = useT()
  const rich = useRich()
  const { holdDeadline, money } = useFormat()
  const currency = booking.currency ?? 'EUR'
  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        {t('manage.deposit.heading')}
      </h2>
      <p>{rich('manage.deposit.intro', { amount: <strong>{money(booking.deposit ?? 0, currency)}</strong> })}</p>
      {booking.holdExpiresAt && (
        <p data-testid="hold-deadline">{rich('manage.deposit.payBy', { deadline: <strong className={manage.nowrap}>{holdDeadline(booking.holdExpiresAt)}</strong> })}</p>
      )}
      <AlertBox message={alert} />
      <button aria-disabled={paying} className={styles.primary} onClick={onPay} type="button">
        {paying ? t('manage.deposit.opening') : t('manage.deposit.pay')}
      </button>
    </section>
  )
}
