import type { ResourceRegistry } from './registry'

export type RbacPluginOptions = {
  /**
   * Named capabilities that are not collections, with their actions.
   * @default {}
   */
  capabilities?: ResourceRegistry
  /**
   * Set to false to leave the config untouched.
   * @default true
   */
  enabled?: boolean
}
