export type IntegrityPluginOptions = {
  /**
   * Collections whose documents may be duplicated (the admin's "Duplicate"); every other collection
   * refuses it, since a copy would carry server-owned fields.
   * @default ['booking-policies', 'roles', 'rooms']
   */
  duplicable?: string[]
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
}
