// Routes each request by its Host. The platform's hosts keep today's paths. Any other host is a studio's own
// domain (or nobody's): it serves the booking page at `/`, one booking at `/b/<ref>`, and the public API,
// nothing else (404 here, before any route could match). Which studio a host serves is decided by the pages and the API (cached lookups there): this
// file only routes, and a host nobody verified ends on a 404.
import { type NextRequest, NextResponse } from 'next/server'

/** Where the studio-host pages live; never reachable under that path directly. */
const STUDIO_HOST_PAGES = '/on-host'
/** The pages' icon, which Next serves from a route group under a hashed name. */
const STUDIO_ICON = /^\/icon(-[0-9a-z]+)?\.svg$/

/** The Host header's name, lowercased, without a numeric port or a trailing dot; null when it does not parse. */
function hostnameOf(header: string): null | string {
  const value = header.trim().toLowerCase()
  // No Host at all (HTTP/1.0): only the platform answers those.
  if (value === '') return ''
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value)
  if (bracketed) return bracketed[1]!
  const named = /^([^:[\]]+?)\.?(?::\d{1,5})?$/.exec(value)
  return named ? named[1]! : null
}

const listOf = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean)

function isPlatformHost(hostname: string): boolean {
  let platform = 'localhost'
  try {
    platform = new URL(process.env.ATELIER_PUBLIC_URL ?? 'http://localhost:3000').hostname.toLowerCase()
  } catch {
    // a malformed URL fails the app's own env check at start; routing stays on the platform meanwhile
  }
  // Addresses, single-label names (a container's, localhost) and the listed names are how operators,
  // health checks, internal callers and Caddy's `ask` reach the app; a studio's domain has a dot.
  const isAddress = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.includes(':')
  const isInternal = hostname === '' || !hostname.includes('.') || listOf(process.env.ATELIER_PLATFORM_HOSTS).includes(hostname)
  return isAddress || isInternal || hostname === platform || hostname.endsWith(`.${platform}`)
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const hostname = hostnameOf(request.headers.get('host') ?? '')
  if (hostname === null) return new NextResponse('Bad Request', { status: 400 })
  if (isPlatformHost(hostname)) {
    if (pathname === STUDIO_HOST_PAGES || pathname.startsWith(`${STUDIO_HOST_PAGES}/`)) return new NextResponse('Not found', { status: 404 })
    return NextResponse.next()
  }
  if (pathname.startsWith('/api/public/') || pathname.startsWith('/_next/') || STUDIO_ICON.test(pathname)) return NextResponse.next()
  // Only the two pages; any other path is nothing here (no rewrite that another route could catch).
  if (pathname !== '/' && !/^\/b\/[^/]+$/.test(pathname)) return new NextResponse('Not found', { status: 404 })
  const target = request.nextUrl.clone()
  target.pathname = pathname === '/' ? STUDIO_HOST_PAGES : `${STUDIO_HOST_PAGES}${pathname}`
  return NextResponse.rewrite(target)
}

export const config = {
  // Static build files need no routing.
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
}
