// Routes each request by its Host. The platform's hosts keep today's paths. Any other host is a studio's own
// domain (or nobody's): it serves the booking page at `/`, one booking at `/b/<ref>`, and the public API,
// nothing else. Which studio a host serves is decided by the pages and the API (cached lookups there): this
// file only routes, and a host nobody verified ends on a 404.
import { type NextRequest, NextResponse } from 'next/server'

/** Where the studio-host pages live; never reachable under that path directly. */
const STUDIO_HOST_PAGES = '/on-host'
/** The pages' icon, which Next serves from a route group under a hashed name. */
const STUDIO_ICON = /^\/icon(-[0-9a-z]+)?\.svg$/

const hostnameOf = (hostHeader: string) => {
  const value = hostHeader.trim().toLowerCase()
  if (value.startsWith('[')) return value.slice(1, Math.max(1, value.indexOf(']')))
  return value.replace(/:\d*$/, '').replace(/\.$/, '')
}

function isPlatformHost(hostname: string): boolean {
  let platform = 'localhost'
  try {
    platform = new URL(process.env.ATELIER_PUBLIC_URL ?? 'http://localhost:3000').hostname.toLowerCase()
  } catch {
    // a malformed URL fails the app's own env check at start; routing stays on the platform meanwhile
  }
  // Addresses and localhost are how operators, health checks and Caddy's `ask` reach the app.
  const isAddress = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(':')
  return hostname === '' || isAddress || hostname === 'localhost' || hostname === platform || hostname.endsWith(`.${platform}`)
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (isPlatformHost(hostnameOf(request.headers.get('host') ?? ''))) {
    if (pathname === STUDIO_HOST_PAGES || pathname.startsWith(`${STUDIO_HOST_PAGES}/`)) return new NextResponse('Not found', { status: 404 })
    return NextResponse.next()
  }
  if (pathname.startsWith('/api/public/') || pathname.startsWith('/_next/') || STUDIO_ICON.test(pathname)) return NextResponse.next()
  const target = request.nextUrl.clone()
  target.pathname = pathname === '/' ? STUDIO_HOST_PAGES : `${STUDIO_HOST_PAGES}${pathname}`
  return NextResponse.rewrite(target)
}

export const config = {
  // Static build files need no routing.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
