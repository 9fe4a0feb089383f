// s3rver, the S3 API on a local directory that tests store uploads in (no types of its own); what they use.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'

  type S3rverOptions = {
    address?: string
    configureBuckets?: { name: string }[]
    directory?: string
    port?: number
    silent?: boolean
  }
  export default class S3rver {
    constructor(options?: S3rverOptions)
    close(): Promise<void>
    run(): Promise<AddressInfo>
  }
}
