import React from 'react'

import { studioOfThisHost } from '../studioPages'
import { StudioTheme } from '../StudioTheme'

/** A studio's pages on its own domain, in its theme. */
export default async function StudioHostLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <StudioTheme tenant={await studioOfThisHost()} />
      {children}
    </>
  )
}
