// The customer's confirmation of a booking with no deposit (double opt-in): the emailed link opens this
// step; pressing the button confirms (a link scanner opening the page confirms nothing).
import type { Booking } from './manageTypes'

import styles from '../book.module.css'
import { useFormat, useRich, useT } from '../messages'
import manage from './manage.module.css'
import { AlertBox } from './AlertBox'

type Props = { alert: null | string; booking: Booking; canConfirm: boolean; confirming: boolean; headingId: string; onConfirm: () => void }

export function ConfirmSection({ alert, booking, canConfirm, confirming, headingId, onConfirm }: Props) {
  const t = useT()
  const rich = useRich()
  const { holdDeadline } = useFormat()
  if (booking.customerConfirmedAt && booking.status === 'pending') {
    return (
      <p className={styles.status} data-testid="customer-confirmed" role="status">
        {t('manage.confirm.thanks')}
      </p>
    )
  }
  if (!booking.awaitingCustomerConfirmation) return null
  return (
    <section aria-labelledby={headingId} className={manage.section}>
      <h2 className={manage.sectionHeading} id={headingId}>
        {t('manage.confirm.heading')}
      </h2>
      <p>
        {booking.holdExpiresAt
          ? rich('manage.confirm.keptUntil', { deadline: <strong className={manage.nowrap}>{holdDeadline(booking.holdExpiresAt)}</strong> })
          : t('manage.confirm.keptBriefly')}
      </p>
      <AlertBox message={alert} />
      {canConfirm ? (
        <button aria-disabled={confirming} className={styles.primary} onClick={onConfirm} type="button">
          {confirming ? t('manage.confirm.confirming') : t('manage.confirm.button')}
        </button>
      ) : (
        <p data-testid="confirm-by-email">
          {booking.customer ? t('manage.confirm.byEmailTo', { email: booking.customer.email }) : t('manage.confirm.byEmail')}
        </p>
      )}
    </section>
  )
}
