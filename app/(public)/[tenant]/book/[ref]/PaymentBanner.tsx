// Back from the payment page: thanks, and whether the deposit shows as paid yet.
import type { Booking, PaymentReturn } from './manageTypes'

import styles from '../book.module.css'
import { useRich, useT } from '../messages'
import manage from './manage.module.css'

type Props = { booking: Booking | null; onRefresh: () => void; paymentReturn: PaymentReturn; refreshing: boolean; refreshNote: string }

export function PaymentBanner({ booking, onRefresh, paymentReturn, refreshing, refreshNote }: Props) {
  const t = useT()
  const rich = useRich()
  if (paymentReturn === 'cancelled') {
    const canPay = booking === null || booking.payable
    return (
      <div className={`${manage.banner} ${manage.bannerNeutral}`} role="status">
        <p>
          {rich('manage.payment.cancelled')}
          {canPay ? ` ${t('manage.payment.canPay')}` : ''}
        </p>
      </div>
    )
  }
  if (paymentReturn !== 'success') return null
  // Kept (confirmed) once the deposit is in; still payable while the provider's confirmation has not arrived.
  const settled = booking !== null && booking.phase === 'kept'
  const waiting = booking === null || booking.payable
  return (
    <div className={`${manage.banner} ${manage.bannerSuccess}`} data-testid="payment-banner">
      <div role="status">
        <p>
          <strong>{t(settled ? 'manage.payment.settled' : waiting ? 'manage.payment.waiting' : 'manage.payment.thanks')}</strong>
        </p>
        {waiting && <p>{t(booking ? 'manage.payment.checking' : 'manage.payment.enterProof')}</p>}
        {refreshNote && <p>{refreshNote}</p>}
      </div>
      {booking && waiting && (
        <div className={manage.bannerActions}>
          <button aria-disabled={refreshing} className={styles.secondary} onClick={() => (refreshing ? undefined : onRefresh())} type="button">
            {refreshing ? t('manage.payment.refreshing') : t('manage.payment.refresh')}
          </button>
        </div>
      )}
    </div>
  )
}
