'use client'
// What Payload's default cell does in the first column, for our cells there: link to the document, or pick
// it in a "choose a document" drawer. Without this, a money or time column moved first would lose both.
import type { DefaultCellComponentProps } from 'payload'

import { Link, useConfig, useListDrawerContext } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

type Props = { children: React.ReactNode } & Pick<DefaultCellComponentProps, 'cellData' | 'collectionSlug' | 'link' | 'linkURL' | 'onClick' | 'rowData' | 'viewType'>

export function CellFrame({ cellData, children, collectionSlug, link, linkURL, onClick, rowData, viewType }: Props) {
  const { config } = useConfig()
  const { drawerSlug, onSelect } = useListDrawerContext()
  if (link && drawerSlug && typeof onSelect === 'function') {
    return (
      <button className="default-cell__first-cell" onClick={() => onSelect({ collectionSlug, doc: rowData, docID: rowData.id })} type="button">
        {children}
      </button>
    )
  }
  if (typeof onClick === 'function') {
    return (
      <button className="default-cell__first-cell" onClick={() => onClick({ cellData, collectionSlug, rowData })} type="button">
        {children}
      </button>
    )
  }
  if (!link) return <>{children}</>
  const href = linkURL ?? formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collectionSlug}${viewType === 'trash' ? '/trash' : ''}/${encodeURIComponent(String(rowData.id))}` })
  return (
    <Link href={href} prefetch={false}>
      {children}
    </Link>
  )
}
