// Admin view at /admin/permissions: the permission matrix, edited through the REST API.
import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import React from 'react'

import { PermissionMatrix } from './PermissionMatrix'

export function PermissionMatrixView({ initPageResult, params, searchParams }: AdminViewServerProps) {
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
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>Permissions</h1>
        <p>Each role’s permissions by resource and action. A filled box the role grants itself can be changed; a dimmed one comes from a role it inherits.</p>
        <PermissionMatrix apiRoute={req.payload.config.routes.api} />
      </Gutter>
    </DefaultTemplate>
  )
}
