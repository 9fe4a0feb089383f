'use client'
// The grid: rows are resource × action, columns are roles. Saving PATCHes the role's own permissions.
import React, { useCallback, useEffect, useState } from 'react'

type Cell = 'inherited' | 'own' | false
type MatrixRole = { id: number; permissions: Record<string, Record<string, Cell>>; slug: string }
type Matrix = { resources: Record<string, string[]>; roles: MatrixRole[] }
type Tenant = { id: number; name: string }
type StoredRole = { id: number; permissions?: { actions: string[]; resource: string }[] }

const cellStyle: React.CSSProperties = { borderBottom: '1px solid var(--theme-elevation-100)', padding: '4px 8px', textAlign: 'center' }

export function PermissionMatrix({ apiRoute }: { apiRoute: string }) {
  const [tenants, setTenants] = useState<Tenant[]>([])
  const [tenant, setTenant] = useState<number | undefined>()
  const [matrix, setMatrix] = useState<Matrix>()
  const [message, setMessage] = useState<string>()

  useEffect(() => {
    void fetch(`${apiRoute}/tenants?limit=100&depth=0`, { credentials: 'include' })
      .then((response) => response.json())
      .then((body: { docs?: Tenant[] }) => {
        setTenants(body.docs ?? [])
        setTenant(body.docs?.[0]?.id)
      })
  }, [apiRoute])

  const load = useCallback(async () => {
    const query = tenant ? `?tenant=${tenant}` : ''
    const response = await fetch(`${apiRoute}/permissions/matrix${query}`, { credentials: 'include' })
    if (response.ok) setMatrix((await response.json()) as Matrix)
    else setMessage(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message)
  }, [apiRoute, tenant])

  useEffect(() => {
    void load()
  }, [load])

  const toggle = async (role: MatrixRole, resource: string, action: string, grant: boolean) => {
    setMessage(undefined)
    const stored = (await (await fetch(`${apiRoute}/roles/${role.id}?depth=0`, { credentials: 'include' })).json()) as StoredRole
    const permissions = (stored.permissions ?? []).map(({ actions, resource: name }) => ({ actions: [...actions], resource: name }))
    const entry = permissions.find((candidate) => candidate.resource === resource)
    if (grant) {
      if (entry) entry.actions.push(action)
      else permissions.push({ actions: [action], resource })
    } else if (entry) {
      entry.actions = entry.actions.filter((candidate) => candidate !== action)
    }
    const response = await fetch(`${apiRoute}/roles/${role.id}`, {
      body: JSON.stringify({ permissions: permissions.filter((candidate) => candidate.actions.length > 0) }),
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      method: 'PATCH',
    })
    if (!response.ok) setMessage(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message ?? 'Not saved.')
    await load()
  }

  if (!matrix) return <p>{message ?? 'Loading…'}</p>
  return (
    <div>
      {tenants.length > 0 && (
        <label>
          Tenant{' '}
          <select onChange={(event) => setTenant(Number(event.target.value))} value={tenant}>
            {tenants.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {message && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{message}</p>}
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', marginTop: 16 }}>
          <thead>
            <tr>
              <th style={cellStyle}>Resource</th>
              <th style={cellStyle}>Action</th>
              {matrix.roles.map((role) => (
                <th key={role.id} style={cellStyle}>
                  {role.slug}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.entries(matrix.resources).flatMap(([resource, actions]) =>
              actions.map((action) => (
                <tr key={`${resource}:${action}`}>
                  <td style={cellStyle}>{resource}</td>
                  <td style={cellStyle}>{action}</td>
                  {matrix.roles.map((role) => {
                    const cell = role.permissions[resource]?.[action] ?? false
                    return (
                      <td key={role.id} style={cellStyle}>
                        <input
                          aria-label={`${role.slug} ${resource} ${action}`}
                          checked={cell !== false}
                          disabled={cell === 'inherited'}
                          onChange={(event) => void toggle(role, resource, action, event.target.checked)}
                          type="checkbox"
                        />
                      </td>
                    )
                  })}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
