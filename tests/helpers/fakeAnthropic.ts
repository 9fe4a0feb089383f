// Anthropic's Messages API at the network edge: a loopback server speaking the real protocol, reached by the
// official SDK through its base URL (ANTHROPIC_BASE_URL). Tests queue scripted replies (text chunks, tool_use
// blocks, usage, a pause between events) or failures (429 with retry-after, 529 overloaded, an error event
// mid-stream, a socket cut after N events, a stream that stalls), and read back every request body and header
// the SDK sent. The key is taken from `x-api-key` or `Authorization: Bearer` (SDK 1.x sends the latter), checked
// when `apiKey` is given.
//
// Streaming follows Anthropic's SSE framing: message_start (usage.input_tokens), ping, then per block
// content_block_start / content_block_delta (text_delta, or input_json_delta with partial_json) /
// content_block_stop, then message_delta (stop_reason, usage.output_tokens) and message_stop.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeBlock =
  /** One text_delta per piece when `text` is an array. */
  | { type: 'text'; text: string | string[] }
  /** The input's JSON is streamed in `pieces` input_json_delta events, cut anywhere (inside strings too). */
  | { type: 'tool_use'; id?: string; name: string; input: Record<string, unknown>; pieces?: number }

export type FakeMessageReply = {
  content: FakeBlock[]
  /** Defaults: input = the count_tokens count of the request; output = output characters / 4, rounded up. */
  usage?: { input_tokens?: number; output_tokens?: number }
  /** @default 'tool_use' when a tool_use block is present, else 'end_turn' */
  stopReason?: string
  /** Destroy the socket after this many SSE events (a connection lost mid-answer). */
  cutAfterEvents?: number
  /** Send this many events, then nothing more while keeping the connection open. */
  stallAfterEvents?: number
  /** After this many events, an SSE `error` event (as Anthropic sends when overloaded mid-answer), then end. */
  errorAfterEvents?: { after: number; type: string; message?: string }
  /** Wait this long between SSE events, so a client sees the answer arrive in pieces. @default 0 (all at once) */
  eventDelayMs?: number
}

export type FakeErrorReply = { status: number; errorType: string; message?: string; retryAfter?: string }

export type FakeReply = FakeMessageReply | FakeErrorReply

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }

/** The API key as sent: `x-api-key` (the documented header) or `Authorization: Bearer` (what SDK 1.x sends). */
export const presentedKey = (headers: IncomingHttpHeaders): string | undefined =>
  (headers['x-api-key'] as string | undefined) ?? /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1]

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

/** The fake's token count: characters of the JSON of system, messages and tools, divided by 4, rounded up. */
export const fakeTokenCount = (body: Record<string, unknown>): number =>
  Math.ceil(JSON.stringify({ system: body.system, messages: body.messages, tools: body.tools }).length / 4)

function split(text: string, pieces: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / pieces))
  const parts: string[] = []
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size))
  return parts
}

const blockText = (block: FakeBlock) => (block.type === 'text' ? [block.text].flat().join('') : JSON.stringify(block.input))

type Resolved = { blocks: Array<FakeBlock & { id: string }>; inputTokens: number; outputTokens: number; stopReason: string }

function resolve(reply: FakeMessageReply, body: Record<string, unknown>): Resolved {
  const blocks = reply.content.map((block) => ({ ...block, id: block.type === 'tool_use' ? (block.id ?? newId('toolu_')) : '' }))
  const outputChars = blocks.reduce((sum, block) => sum + blockText(block).length, 0)
  return {
    blocks,
    inputTokens: reply.usage?.input_tokens ?? fakeTokenCount(body),
    outputTokens: reply.usage?.output_tokens ?? Math.max(1, Math.ceil(outputChars / 4)),
    stopReason: reply.stopReason ?? (blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
  }
}

function messageObject(model: unknown, resolved: Resolved, complete: boolean) {
  return {
    id: newId('msg_'),
    type: 'message',
    role: 'assistant',
    model,
    content: complete
      ? resolved.blocks.map((block) =>
          block.type === 'text' ? { type: 'text', text: blockText(block) } : { type: 'tool_use', id: block.id, name: block.name, input: block.input },
        )
      : [],
    stop_reason: complete ? resolved.stopReason : null,
    stop_sequence: null,
    usage: {
      input_tokens: resolved.inputTokens,
      output_tokens: complete ? resolved.outputTokens : 1,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    },
  }
}

/** The SSE events of a whole message, in Anthropic's order. */
function streamEvents(model: unknown, resolved: Resolved): Array<[string, object]> {
  const events: Array<[string, object]> = [
    ['message_start', { type: 'message_start', message: messageObject(model, resolved, false) }],
    ['ping', { type: 'ping' }],
  ]
  resolved.blocks.forEach((block, index) => {
    const delta = (payload: object): [string, object] => ['content_block_delta', { type: 'content_block_delta', index, delta: payload }]
    if (block.type === 'text') {
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }])
      for (const text of [block.text].flat()) events.push(delta({ type: 'text_delta', text }))
    } else {
      const start = { type: 'tool_use', id: block.id, name: block.name, input: {} }
      events.push(['content_block_start', { type: 'content_block_start', index, content_block: start }])
      // Anthropic opens a tool's input with an empty partial_json.
      for (const partial of ['', ...split(JSON.stringify(block.input), block.pieces ?? 3)]) {
        events.push(delta({ type: 'input_json_delta', partial_json: partial }))
      }
    }
    events.push(['content_block_stop', { type: 'content_block_stop', index }])
  })
  events.push([
    'message_delta',
    {
      type: 'message_delta',
      delta: { stop_reason: resolved.stopReason, stop_sequence: null },
      // Cumulative, as the current API version sends them.
      usage: { input_tokens: resolved.inputTokens, output_tokens: resolved.outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  ])
  events.push(['message_stop', { type: 'message_stop' }])
  return events
}

const sse = ([event, data]: [string, object]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

/**
 * Told of each SSE event of a streamed reply once it is written: its name, its data and the
 * `process.hrtime.bigint()` taken just before the write call (so anything later, Node's own flush included,
 * counts against whoever reads it). Events written in one piece share one time. For benchmarks.
 */
export type OnEventWritten = (event: string, data: object, at: bigint) => void

export async function startFakeAnthropic(options: { apiKey?: string; defaultReply?: FakeReply; onEventWritten?: OnEventWritten } = {}) {
  const queue: FakeReply[] = []
  const requests: RecordedRequest[] = []
  let closedEarly = 0

  const sendError = (response: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}) =>
    response
      .writeHead(status, { 'content-type': 'application/json', 'request-id': newId('req_'), ...headers })
      .end(JSON.stringify({ type: 'error', error: { type, message }, request_id: newId('req_') }))

  function streamReply(response: ServerResponse, reply: FakeMessageReply, resolved: Resolved, model: unknown) {
    const events = streamEvents(model, resolved)
    const limit = Math.min(reply.cutAfterEvents ?? reply.stallAfterEvents ?? reply.errorAfterEvents?.after ?? Infinity, events.length)
    response.writeHead(200, { 'cache-control': 'no-cache', 'content-type': 'text/event-stream', 'request-id': newId('req_') })
    const sent = events.slice(0, limit)
    const pieces = sent.map(sse)
    /** Call just before writing `done`; returns what tells the hook once it is written. */
    const writing = (...done: Array<[string, object]>) => {
      const at = process.hrtime.bigint()
      return () => {
        for (const [event, data] of done) options.onEventWritten?.(event, data, at)
      }
    }
    /** The last of the events, then how the reply ends: an error event, a cut, a stall or a normal end. */
    const finish = (body: string, from: number) => {
      if (reply.errorAfterEvents) {
        const { type, message = 'Overloaded' } = reply.errorAfterEvents
        const error: [string, object] = ['error', { type: 'error', error: { type, message } }]
        const written = writing(...sent.slice(from), error)
        response.end(body + sse(error))
        return written()
      }
      const written = writing(...sent.slice(from))
      if (reply.cutAfterEvents !== undefined) response.write(body, () => response.socket?.destroy())
      else if (reply.stallAfterEvents !== undefined) response.write(body)
      else response.end(body)
      written()
    }
    const delay = reply.eventDelayMs ?? 0
    if (delay <= 0 || pieces.length === 0) return finish(pieces.join(''), 0)
    const sendFrom = (index: number) => {
      if (response.destroyed) return
      if (index === pieces.length - 1) return finish(pieces[index]!, index)
      const written = writing(sent[index]!)
      response.write(pieces[index]!)
      written()
      setTimeout(() => sendFrom(index + 1), delay)
    }
    sendFrom(0)
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      response.on('close', () => {
        if (!response.writableFinished) closedEarly++
      })
      let body: Record<string, unknown>
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
      } catch {
        return sendError(response, 400, 'invalid_request_error', 'The request body is not valid JSON.')
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      requests.push({ body, headers: request.headers, method: request.method ?? 'GET', path })

      const key = presentedKey(request.headers)
      if (!key) return sendError(response, 401, 'authentication_error', 'x-api-key or authorization header is required')
      if (options.apiKey && key !== options.apiKey) return sendError(response, 401, 'authentication_error', 'invalid x-api-key')
      if (!request.headers['anthropic-version']) return sendError(response, 400, 'invalid_request_error', 'anthropic-version: header is required')
      if (request.method !== 'POST' || (path !== '/v1/messages' && path !== '/v1/messages/count_tokens')) {
        return sendError(response, 404, 'not_found_error', 'Not found')
      }
      if (typeof body.model !== 'string' || !Array.isArray(body.messages)) {
        return sendError(response, 400, 'invalid_request_error', 'model: Field required; messages: Field required')
      }
      if (path === '/v1/messages/count_tokens') {
        return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ input_tokens: fakeTokenCount(body) }))
      }
      if (!Number.isInteger(body.max_tokens)) return sendError(response, 400, 'invalid_request_error', 'max_tokens: Field required')

      const reply = queue.shift() ?? options.defaultReply
      if (!reply) return sendError(response, 400, 'invalid_request_error', 'fakeAnthropic: no reply queued for this request')
      if ('status' in reply) {
        const headers: Record<string, string> = reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter }
        return sendError(response, reply.status, reply.errorType, reply.message ?? reply.errorType, headers)
      }
      const resolved = resolve(reply, body)
      if (body.stream === true) return streamReply(response, reply, resolved, body.model)
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(messageObject(body.model, resolved, true)))
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))

  return {
    /** The base URL to give the SDK (ANTHROPIC_BASE_URL). */
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Every request, in order, as the server received it. */
    requests,
    /** Requests to POST /v1/messages only. */
    messageRequests: () => requests.filter((recorded) => recorded.path === '/v1/messages'),
    /** Queues replies for the next calls to POST /v1/messages, in order. */
    reply: (...replies: FakeReply[]) => void queue.push(...replies),
    /** Replies queued and not yet used. */
    pending: () => queue.length,
    /** Responses that closed before they were finished: cut by the fake, or abandoned by the client. */
    closedEarly: () => closedEarly,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections() // stalled streams would otherwise hold close() forever
        server.close(() => done())
      }),
  }
}

export type FakeAnthropic = Awaited<ReturnType<typeof startFakeAnthropic>>
