import React from 'react'

import { studioBySlug } from '../studioPages'
import { StudioTheme } from '../StudioTheme'

/** Every page of a studio on the platform's host (its booking page, a booking's page) in the studio's theme. */
export default async function StudioLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const tenant = await studioBySlug((await params).tenant)
  return (
    <>
      <StudioTheme tenant={tenant} />
      {children}
    </>
  )
}
