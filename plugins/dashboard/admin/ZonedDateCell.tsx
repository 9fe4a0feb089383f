'use client'
// Studio times: the list cell ("Sat 6 Dec, 19:00 CET", in the row's studio zone) and the note under a date
// field naming the zone the document's times are in. Attached by `withAdminCells` to `custom.zonedTime` fields.
import type { DateFieldDescriptionClientComponent, DefaultCellComponentProps } from 'payload'

import { FieldDescription, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { zoneAbbreviation, zonedTimeLabel } from '../services/zonedTimeLabel'
import { CellFrame } from './CellFrame'
import { useStudioInfo } from './studioInfo'

export function ZonedDateCell(props: DefaultCellComponentProps) {
  const { cellData, rowData } = props
  const { i18n } = useTranslation()
  // One request per studio for the whole page (studioInfo's cache), however many rows share it.
  const studio = useStudioInfo(rowData?.tenant)
  const instant = typeof cellData === 'string' || typeof cellData === 'number' ? new Date(cellData) : null
  if (!instant || Number.isNaN(instant.getTime())) return <CellFrame {...props}>—</CellFrame>
  // Until the studio is known, UTC: a true time, never the browser's zone passed off as the studio's.
  const label = zonedTimeLabel(instant, studio?.timezone ?? 'UTC', i18n.language)
  return (
    <CellFrame {...props}>
      <time dateTime={instant.toISOString()} style={{ whiteSpace: 'nowrap' }} title={studio?.timezone ?? 'UTC'}>
        {label}
      </time>
    </CellFrame>
  )
}

const NOTE = {
  en: {
    browser: (zone: string) => `This picker shows your browser’s zone (${zone}).`,
    inStudio: (time: string) => `At the studio: ${time}.`,
    zone: (zone: string, abbreviation: string) => `Times are in ${zone} (${abbreviation}).`,
  },
  fr: {
    browser: (zone: string) => `Ce sélecteur affiche le fuseau de votre navigateur (${zone}).`,
    inStudio: (time: string) => `Au studio : ${time}.`,
    zone: (zone: string, abbreviation: string) => `Les heures sont celles de ${zone} (${abbreviation}).`,
  },
}

/**
 * "Times are in Europe/Paris (CET)". Payload's date picker works in the browser's zone, so a browser elsewhere
 * is told so, with the value at the studio.
 */
export const ZoneDescription: DateFieldDescriptionClientComponent = ({ field, path }) => {
  const { i18n } = useTranslation()
  const studio = useStudioInfo(useFormFields(([fields]) => fields.tenant?.value))
  const value = useFormFields(([fields]) => fields[path]?.value)
  // Read after mounting: the server rendering this has a zone of its own.
  const [browserZone, setBrowserZone] = useState<null | string>(null)
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), [])
  const own = field.admin?.description ? <FieldDescription description={field.admin.description} path={path} /> : null
  if (!studio) return own
  const text = NOTE[i18n.language.startsWith('fr') ? 'fr' : 'en']
  const instant = typeof value === 'string' && value ? new Date(value) : new Date()
  const sentences = [text.zone(studio.timezone, zoneAbbreviation(instant, studio.timezone, i18n.language))]
  if (browserZone && browserZone !== studio.timezone) {
    sentences.push(text.browser(browserZone))
    if (typeof value === 'string' && value) sentences.push(text.inStudio(zonedTimeLabel(value, studio.timezone, i18n.language)))
  }
  return (
    <>
      {own}
      <div className={`field-description field-description-${path.replace(/\./g, '__')}`} data-testid="zone-description">
        {sentences.join(' ')}
      </div>
    </>
  )
}
