// The customer's confirmation of a booking with no deposit (double opt-in): the emailed link opens this
// step; pressing the button confirms (a link scanner opening the page confirms nothing).
import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'
import { holdDeadline } from '../format'

type Props = { alert: null | string; booking: Booking; canConfirm: boolean; confirming: boolean; headingId: string; onConfirm: () => void }

export function ConfirmSection({ alert, booking, canConfirm, confirming, headingId, onConfirm }: Props) {
  if (booking.customerConfirmedAt && booking.status === 'pending') {
    return (
      <p className={styles.status} data-testid="customer-confirmed" role="status">
        Thank you, you have confirmed this booking. The studio will confirm it next.
      </p>
    )
  }
  if (!booking.awaitingCustomerConfirmation) return null
  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        Confirm your booking
      </h2>
      <p>
        This time is kept for you until{' '}
        <strong className={manage.nowrap}>{booking.holdExpiresAt ? holdDeadline(booking.holdExpiresAt) : 'shortly'}</strong>. Confirm the booking by then, or the time is
        released for others.
      </p>
      <AlertBox message={alert} />
      {canConfirm ? (
        <button aria-disabled={confirming} className={styles.primary} onClick={onConfirm} type="button">
          {confirming ? 'Confirming…' : 'Confirm my booking'}
        </button>
      ) : (
        <p data-testid="confirm-by-email">
          To confirm it, open the “Confirm my booking” link in the email we sent{booking.customer ? ` to ${booking.customer.email}` : ''}.
        </p>
      )}
    </section>
  )
}
