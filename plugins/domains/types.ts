export type DomainsPluginOptions = {
  /**
   * Where studios point their hostnames with a CNAME (ATELIER_CNAME_TARGET).
   * @default `edge.${platformHost}`
   */
  cnameTarget?: string
  /**
   * The DNS server (`host:port`) every check asks (ATELIER_DNS_SERVER): tests point it at a loopback server.
   * @default the system resolver
   */
  dnsServer?: string
  /**
   * The addresses an apex (which cannot have a CNAME) may point at with A/AAAA records (ATELIER_EDGE_IPS).
   * @default [] (apex domains cannot pass until set)
   */
  edgeIps?: string[]
  enabled?: boolean
  /**
   * Hours a verified domain's records may be missing before it is failed.
   * @default 72
   */
  failAfterHours?: number
  /**
   * Days a pending claim holds its hostname against other studios.
   * @default 7
   */
  pendingClaimDays?: number
  /** The platform's own host (from ATELIER_PUBLIC_URL): never a studio's domain. */
  platformHost: string
  /**
   * The platform's public URL, for links in emails (ATELIER_PUBLIC_URL).
   * @default `https://${platformHost}`
   */
  publicUrl?: string
  /**
   * Days a failed domain keeps its claim before it is released.
   * @default 14
   */
  releaseAfterDays?: number
  /**
   * Asks to the TLS `ask` endpoint one client IP may make per minute (ATELIER_TLS_ASK_RATE_LIMIT).
   * @default 600
   */
  tlsAskRateLimit?: number
  /**
   * The CA that issues the edge's certificates: CAA records must allow it (ATELIER_TLS_CA_DOMAIN).
   * @default 'letsencrypt.org'
   */
  tlsCaDomain?: string
  /**
   * Where the doctor's TLS handshake goes (`host:port`, ATELIER_TLS_PROBE_ADDRESS), still with the domain as SNI.
   * @default `${hostname}:443`
   */
  tlsProbeAddress?: string
}
