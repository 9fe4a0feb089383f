// "Step 2 of 3" and the step's heading, which takes the focus when the step opens.
import type { RefObject } from 'react'

import styles from './book.module.css'
import { useT } from './messages'

type Props = { headingRef: RefObject<HTMLHeadingElement | null>; number: number; text: string }

export function StepHeading({ headingRef, number, text }: Props) {
  const t = useT()
  return (
    <>
      <p className={styles.step}>{t('booking.step', { number, total: 3 })}</p>
      <h2 className={styles.stepHeading} ref={headingRef} tabIndex={-1}>
        {text}
      </h2>
    </>
  )
}
