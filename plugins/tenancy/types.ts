export type TenantScopedOptions = {
  /**
   * Fields whose value is unique within one tenant (a compound unique index on tenant + field).
   * @default []
   */
  uniquePerTenant?: string[]
}

declare module 'payload' {
  interface CollectionCustom {
    /** Mark a collection tenant-scoped: it gets a `tenant` field and membership-scoped access. */
    tenantScoped?: true | TenantScopedOptions
    /** Its members may still write it while their tenant is suspended (the audit log, billing). */
    writableWhenSuspended?: true
  }
}

export type TenancyPluginOptions = {
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
}
