import React from 'react'

/** A link to the permission matrix, under the collections in the admin navigation. */
export function PermissionsNavLink() {
  return (
    <a href="/admin/permissions" style={{ display: 'block', padding: '4px 0' }}>
      Permissions
    </a>
  )
}
