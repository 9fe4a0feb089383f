// The deposit to pay, on the payment provider's page, and until when the slot waits for it.
import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import { formatMoney, holdDeadline } from '../format'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'

type Props = { alert: null | string; booking: Booking; headingId: string; onPay: () => void; paying: boolean }

export function DepositSection({ alert, booking, headingId, onPay, paying }: Props) {
  const currency = booking.currency ?? 'EUR'
  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        Deposit
      </h2>
      <p>
        A deposit of <strong>{formatMoney(booking.deposit ?? 0, currency)}</strong> secures this booking. You pay it on the payment provider’s secure page and come back
        here afterwards.
      </p>
      {booking.holdExpiresAt && (
        <p data-testid="hold-deadline">
          Please pay it by <strong className={manage.nowrap}>{holdDeadline(booking.holdExpiresAt)}</strong>: until then this time is kept for you, then it is released.
        </p>
      )}
      <AlertBox message={alert} />
      <button aria-disabled={paying} className={styles.primary} onClick={onPay} type="button">
        {paying ? 'Opening the payment page…' : 'Pay the deposit'}
      </button>
    </section>
  )
}
