// An S3-compatible object store on 127.0.0.1 (s3rver, on a temporary directory): the storage edge, replaced
// in tests. s3rver takes any signature made with its built-in keys, S3RVER/S3RVER.
import { S3Client } from '@aws-sdk/client-s3'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

export type S3TestServer = {
  bucket: string
  /** An SDK client of our own on the same bucket, to look at what the app stored without going through it. */
  client: S3Client
  close: () => Promise<void>
  /** What points the app at this store: `startTestApp(s3.env)`. */
  env: Record<'S3_ACCESS_KEY_ID' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_FORCE_PATH_STYLE' | 'S3_REGION' | 'S3_SECRET_ACCESS_KEY', string>
}

export async function startS3Server(bucket = 'atelier-test-media'): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'atelier-s3rver-'))
  const server = new S3rver({ address: '127.0.0.1', configureBuckets: [{ name: bucket }], directory, port: 0, silent: true })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
  const client = new S3Client({ credentials, endpoint, forcePathStyle: true, region: 'us-east-1' })
  return {
    bucket,
    client,
    close: async () => {
      client.destroy()
      await server.close()
      await rm(directory, { force: true, recursive: true })
    },
    env: {
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
  }
}
