import styles from '../book.module.css'

/** An inline alert, or nothing. */
export function AlertBox({ message }: { message: null | string }) {
  return message ? (
    <div className={styles.alert} role="alert">
      <p>{message}</p>
    </div>
  ) : null
}
