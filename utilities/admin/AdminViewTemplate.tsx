// The frame of a custom admin view: Payload's navigation and header around it, signed-in users only.
import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import React from 'react'

export function AdminViewTemplate({ children, initPageResult, params, searchParams }: AdminViewServerProps & { children: React.ReactNode }) {
  const { req } = initPageResult
  if (!req.user) redirect(`${req.payload.config.routes.admin}/login`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      // The config's header actions (the assistant's button), which Payload's own views get from its router.
      viewActions={req.payload.config.admin?.components?.actions}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}
