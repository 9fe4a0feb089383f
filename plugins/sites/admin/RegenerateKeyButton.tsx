'use client'
// Sidebar of a site: regenerate its key (after confirming), then show the new key once, with a copy button.
import { Button, ConfirmationModal, useConfig, useDocumentInfo, useModal } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

const MODAL = 'regenerate-site-key'

export function RegenerateKeyButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { openModal } = useModal()
  const router = useRouter()
  const [newKey, setNewKey] = useState<string>()
  const [message, setMessage] = useState<string>()
  const [copied, setCopied] = useState(false)
  if (!id) return null

  const regenerate = async () => {
    setMessage(undefined)
    const response = await fetch(`${config.serverURL}${config.routes.api}/sites/${id}/regenerate-key`, { credentials: 'include', method: 'POST' })
    const body = (await response.json()) as { errors?: { message: string }[]; new_key?: string; pushed?: boolean }
    if (!response.ok || !body.new_key) {
      setMessage(body.errors?.[0]?.message ?? 'The key could not be regenerated.')
      return
    }
    setNewKey(body.new_key)
    setMessage(body.pushed ? 'The site received its new key.' : 'The site could not be reached yet: delivery is being retried.')
    // Show the new prefix and grace deadline in the form.
    router.refresh()
  }

  return (
    <div style={{ marginBottom: 24 }}>
      <Button buttonStyle="secondary" onClick={() => openModal(MODAL)} size="small">
        Regenerate key
      </Button>
      <ConfirmationModal
        body="The site gets a new key. The current key keeps working for the grace window, then stops."
        confirmLabel="Regenerate"
        heading="Regenerate this site's key?"
        modalSlug={MODAL}
        onConfirm={regenerate}
      />
      {newKey && (
        <div role="status" style={{ marginTop: 8 }}>
          <p style={{ margin: '0 0 4px' }}>New key, shown only now:</p>
          <code data-testid="new-site-key" style={{ display: 'block', overflowWrap: 'anywhere', userSelect: 'all' }}>
            {newKey}
          </code>
          <Button
            buttonStyle="secondary"
            onClick={() => void navigator.clipboard.writeText(newKey).then(() => setCopied(true))}
            size="small"
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  )
}
