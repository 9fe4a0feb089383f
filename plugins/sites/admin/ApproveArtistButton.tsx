'use client'
// Sidebar of an artist: approve (or redeploy), which prepares the site and calls the deployer.
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

type ApproveAnswer = {
  deployment?: { deployer: string; status: string; url?: string }
  errors?: { message: string }[]
  registrationToken?: string
}

export function ApproveArtistButton() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<ApproveAnswer>()
  if (!id) return null
  const approved = savedDocumentData?.status === 'approved'

  const approve = async () => {
    setBusy(true)
    const response = await fetch(`${config.serverURL}${config.routes.api}/artists/${id}/approve`, { credentials: 'include', method: 'POST' })
    setAnswer((await response.json()) as ApproveAnswer)
    setBusy(false)
    router.refresh()
  }

  return (
    <div style={{ marginBottom: 24 }}>
      <Button disabled={busy} onClick={() => void approve()} size="small">
        {approved ? 'Redeploy site' : 'Approve'}
      </Button>
      {answer?.errors && <p role="alert">{answer.errors[0]?.message}</p>}
      {answer?.deployment && (
        <p role="status">
          Deployment {answer.deployment.status} ({answer.deployment.deployer}){answer.deployment.url ? ` at ${answer.deployment.url}` : ''}.
        </p>
      )}
      {answer?.registrationToken && (
        <p role="status">
          Registration token for a manual deployment (valid 24 h, shown once): <code style={{ overflowWrap: 'anywhere' }}>{answer.registrationToken}</code>
        </p>
      )}
    </div>
  )
}
