// A DNS server on 127.0.0.1 (UDP, the real wire format) answering A/AAAA from a fixed table.
import dgram from 'node:dgram'
import { isIPv4 } from 'node:net'
import * as dnsPacket from 'dns-packet'

export type DnsServer = { address: string; close: () => Promise<void>; queries: string[] }

/** `records`: name → addresses (IPv4 and IPv6 mixed). Unknown names get NXDOMAIN. */
export async function startDnsServer(records: Record<string, string[]>): Promise<DnsServer> {
  const socket = dgram.createSocket('udp4')
  const queries: string[] = []
  socket.on('message', (message, remote) => {
    const query = dnsPacket.decode(message)
    const question = query.questions?.[0]
    if (!question) return
    queries.push(`${question.type} ${question.name}`)
    const known = records[question.name.toLowerCase()]
    const answers = (known ?? [])
      .filter((address) => (question.type === 'A' ? isIPv4(address) : question.type === 'AAAA' ? !isIPv4(address) : false))
      .map((data) => ({ class: 'IN' as const, data, name: question.name, ttl: 1, type: question.type as 'A' | 'AAAA' }))
    const response = dnsPacket.encode({
      answers,
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
  }
}
