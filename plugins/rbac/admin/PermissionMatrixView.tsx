// Admin view at /admin/permissions: the permission matrix, edited through the REST API.
import type { AdminViewServerProps } from 'payload'

import React from 'react'

import { AdminViewTemplate } from '../../../utilities/admin/AdminViewTemplate'
import { PermissionMatrix } from './PermissionMatrix'

export function PermissionMatrixView(props: AdminViewServerProps) {
  return (
    <AdminViewTemplate {...props}>
      <h1>Permissions</h1>
      <p>Each role’s permissions by resource and action. A filled box the role grants itself can be changed; a dimmed one comes from a role it inherits.</p>
      <PermissionMatrix apiRoute={props.initPageResult.req.payload.config.routes.api} />
    </AdminViewTemplate>
  )
}
