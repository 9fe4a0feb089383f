// Which storage the environment selects for uploads, and the boot error for a bucket without its keys.
import { describe, expect, it } from 'vitest'

import { loadEnv } from '../../utilities/env'

const base = { NODE_ENV: 'test' } as const
const bucket = { ...base, S3_ACCESS_KEY_ID: 'key-id', S3_BUCKET: 'atelier-media', S3_SECRET_ACCESS_KEY: 'secret' }

describe('object storage settings', () => {
  it('keeps uploads on local disk without S3_BUCKET, whatever else is set', () => {
    expect(loadEnv(base).objectStorage).toBeUndefined()
    expect(loadEnv({ ...base, S3_BUCKET: '', S3_ENDPOINT: 'http://127.0.0.1:9000' }).objectStorage).toBeUndefined()
  })

  it('reads the bucket, with AWS and virtual-host addressing by default', () => {
    expect(loadEnv(bucket).objectStorage).toEqual({
      accessKeyId: 'key-id',
      bucket: 'atelier-media',
      endpoint: undefined,
      forcePathStyle: false,
      region: 'us-east-1',
      secretAccessKey: 'secret',
    })
    const minio = loadEnv({ ...bucket, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_REGION: 'eu-west-3' })
    expect(minio.objectStorage).toMatchObject({ endpoint: 'http://minio:9000', forcePathStyle: true, region: 'eu-west-3' })
  })

  it('refuses to boot with a bucket but no keys, naming them', () => {
    expect(() => loadEnv({ ...base, S3_BUCKET: 'atelier-media' })).toThrow('S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.')
    expect(() => loadEnv({ ...bucket, S3_SECRET_ACCESS_KEY: '' })).toThrow(/S3_SECRET_ACCESS_KEY/)
  })

  it('refuses an endpoint that is not a URL, and a flag that is not one', () => {
    expect(() => loadEnv({ ...bucket, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/)
    expect(() => loadEnv({ ...bucket, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/)
  })
})
