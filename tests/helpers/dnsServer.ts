// A DNS server on 127.0.0.1 (UDP, the real wire format) answering A/AAAA, TXT, CNAME and CAA from a fixed table.
import dgram from 'node:dgram'
import { isIPv4 } from 'node:net'
import * as dnsPacket from 'dns-packet'

export type CaaAnswer = { flags: number; tag: 'iodef' | 'issue' | 'issuewild'; value: string }

/** The records of one name; a plain array is its addresses (IPv4 and IPv6 mixed). */
export type DnsRecordSet = string[] | { A?: string[]; AAAA?: string[]; CAA?: CaaAnswer[]; CNAME?: string; TXT?: string[] }

export type DnsServer = {
  address: string
  close: () => Promise<void>
  queries: string[]
  /** The table, live: tests add, change and delete names while the server runs. */
  records: Record<string, DnsRecordSet>
}

type Answer = dnsPacket.Answer

function answersFor(name: string, type: string, set: DnsRecordSet): Answer[] {
  const base = { class: 'IN' as const, name, ttl: 1 }
  if (Array.isArray(set)) {
    const wanted = set.filter((address) => (type === 'A' ? isIPv4(address) : type === 'AAAA' ? !isIPv4(address) : false))
    return wanted.map((data) => ({ ...base, data, type: type as 'A' | 'AAAA' }))
  }
  switch (type) {
    case 'A':
    case 'AAAA':
      return (set[type] ?? []).map((data) => ({ ...base, data, type }))
    case 'CAA':
      return (set.CAA ?? []).map((data) => ({ ...base, data, type: 'CAA' }) as Answer)
    case 'CNAME':
      return set.CNAME ? [{ ...base, data: set.CNAME, type: 'CNAME' }] : []
    case 'TXT':
      return (set.TXT ?? []).map((data) => ({ ...base, data, type: 'TXT' }))
    default:
      return []
  }
}

/** `records`: name → its records. Unknown names get NXDOMAIN; a known name without the type, no answer. */
export async function startDnsServer(records: Record<string, DnsRecordSet>): Promise<DnsServer> {
  const socket = dgram.createSocket('udp4')
  const queries: string[] = []
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message)
    const question = query.questions?.[0]
    if (!question) return
    queries.push(`${question.type} ${question.name}`)
    const known = records[question.name.toLowerCase()]
    const response = dnsPacket.encode({
      answers: known ? answersFor(question.name, question.type, known) : [],
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known ? 0 : 3), // rcode 3: NXDOMAIN
      id: query.id,
      questions: query.questions,
      type: 'response',
    })
    socket.send(response, remote.port, remote.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  return {
    address: `127.0.0.1:${port}`,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
    queries,
    records,
  }
}
