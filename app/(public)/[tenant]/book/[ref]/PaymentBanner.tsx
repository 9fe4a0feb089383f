// Back from the payment page: thanks, and whether the deposit shows as paid yet.
import type { Booking, PaymentReturn } from './manageTypes'

import styles from '../book.module.css'
import manage from './manage.module.css'

type Props = { booking: Booking | null; onRefresh: () => void; paymentReturn: PaymentReturn; refreshing: boolean; refreshNote: string }

export function PaymentBanner({ booking, onRefresh, paymentReturn, refreshing, refreshNote }: Props) {
  if (paymentReturn === 'cancelled') {
    const canPay = booking === null || booking.payable
    return (
      <div className={`${manage.banner} ${manage.bannerNeutral}`} role="status">
        <p>
          <strong>The payment was not completed</strong> and nothing was charged.
          {canPay ? ' You can pay the deposit whenever you are ready.' : ''}
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
          <strong>{settled ? 'Thank you, your deposit is paid' : waiting ? 'Thank you, your payment is being confirmed' : 'Thank you for your payment'}</strong>
        </p>
        {waiting && (
          <p>
            {booking
              ? 'The confirmation from the payment provider can take a few moments. This page checks again by itself, or you can refresh it.'
              : 'The confirmation from the payment provider can take a few moments. Enter your access code or email below to see your booking.'}
          </p>
        )}
        {refreshNote && <p>{refreshNote}</p>}
      </div>
      {booking && waiting && (
        <div className={manage.bannerActions}>
          <button aria-disabled={refreshing} className={styles.secondary} onClick={() => (refreshing ? undefined : onRefresh())} type="button">
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      )}
    </div>
  )
}
