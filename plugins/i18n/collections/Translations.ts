import { type CollectionBeforeChangeHook, type CollectionConfig, ValidationError } from 'payload'

import { idOf } from '../../../utilities/idOf'
import { readPlatformOrTenant, writePlatformOrTenant } from '../../rbac'
import { forgetTranslations } from '../services/lookup'
import { NAMESPACES } from '../services/namespaces'

/** A string stays where it was made: moving it would skip the permission check of the studio it lands in. */
const keepTenant: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation === 'update' && originalDoc) data.tenant = originalDoc.tenant ? idOf(originalDoc.tenant) : null
  return data
}

/**
 * A studio overrides the platform's strings; it does not add keys of its own: no page reads them, and a
 * studio could otherwise fill every page's lookup with strings of its choosing.
 */
const overrideKnownKeysOnly: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const tenant = data.tenant ?? originalDoc?.tenant
  if (!tenant) return data
  const key = data.key ?? originalDoc?.key
  const namespace = data.namespace ?? originalDoc?.namespace
  const { totalDocs } = await req.payload.count({
    collection: 'translations',
    overrideAccess: true,
    req,
    where: { and: [{ key: { equals: key } }, { namespace: { equals: namespace } }, { tenant: { exists: false } }] },
  })
  if (totalDocs === 0) throw new ValidationError({ collection: 'translations', errors: [{ message: `The platform has no string ${String(key)} in ${String(namespace)} to override.`, path: 'key' }] })
  return data
}

/**
 * A UI string of the public pages or the emails: a platform default (no studio) or a studio's override of
 * it, one value per locale. Unique per (studio or platform, namespace, key) (see the i18n migration).
 */
export const Translations: CollectionConfig = {
  slug: 'translations',
  // Platform strings are visible to anyone signed in and the operators' to write; a studio's overrides need
  // `translations:<action>` in that studio.
  access: {
    create: writePlatformOrTenant('translations', 'create'),
    delete: writePlatformOrTenant('translations', 'delete'),
    read: readPlatformOrTenant('translations'),
    update: writePlatformOrTenant('translations', 'update'),
  },
  admin: {
    components: { beforeListTable: ['/plugins/i18n/admin/MissingTranslations#MissingTranslations'] },
    defaultColumns: ['key', 'namespace', 'value', 'tenant'],
    group: 'Studio',
    listSearchableFields: ['key'],
    useAsTitle: 'key',
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      index: true,
      required: true,
      validate: (value: null | string | undefined) => (typeof value === 'string' && /^[a-z][a-zA-Z0-9-]*(\.[a-zA-Z0-9-]+)+$/.test(value) && value.length <= 120) || 'Dotted words, e.g. booking.confirm.title.',
    },
    { name: 'namespace', type: 'select', index: true, options: [...NAMESPACES], required: true },
    { name: 'value', type: 'textarea', localized: true, maxLength: 2000 },
    {
      name: 'tenant',
      type: 'relationship',
      admin: { description: 'Empty: the platform’s default, for every studio. A studio’s value overrides it.', position: 'sidebar' },
      index: true,
      relationTo: 'tenants',
    },
  ],
  hooks: { afterChange: [() => forgetTranslations()], afterDelete: [() => forgetTranslations()], beforeChange: [keepTenant, overrideKnownKeysOnly] },
}
