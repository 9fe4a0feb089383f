// OpenAI's Responses API at the network edge: a loopback server speaking the real protocol, reached by the
// official SDK through its base URL (OPENAI_BASE_URL, ending in /v1). Tests queue scripted replies (text pieces,
// function calls, refusals, usage, an incomplete ending) or failures (429 with retry-after, 500/503, a
// response.failed or `error` event mid-stream, a socket cut after N events, a stream that stalls), and read
// back every request body and header the SDK sent. The key is the `Authorization: Bearer` token, checked when
// `apiKey` is given. Mirrors fakeAnthropic.ts, so the two read alike.
//
// Streaming follows the Responses API's SSE framing, each event with its `type` and a `sequence_number`:
// response.created, response.in_progress, then per output item response.output_item.added, for a message
// response.content_part.added / response.output_text.delta (or response.refusal.delta) / ….done /
// response.content_part.done, for a function call response.function_call_arguments.delta / .done, then
// response.output_item.done; last response.completed (or response.incomplete) carrying usage
// {input_tokens, output_tokens}. No [DONE] line: the body simply ends.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeOutput =
  /** One output_text.delta per piece when `text` is an array. */
  | { type: 'text'; text: string | string[] }
  | { type: 'refusal'; refusal: string }
  /** The arguments' JSON is streamed in `pieces` function_call_arguments.delta events, cut anywhere. */
  | { type: 'function_call'; call_id?: string; name: string; arguments: Record<string, unknown>; pieces?: number }

export type FakeResponseReply = {
  output: FakeOutput[]
  /** Defaults: input = the input_tokens count of the request; output = output characters / 4, rounded up. */
  usage?: { input_tokens?: number; output_tokens?: number }
  /** End with response.incomplete for this reason instead of response.completed. */
  incompleteReason?: 'max_output_tokens' | 'content_filter'
  /** Destroy the socket after this many SSE events (a connection lost mid-answer). */
  cutAfterEvents?: number
  /** Send this many events, then nothing more while keeping the connection open. */
  stallAfterEvents?: number
  /** After this many events, response.failed with this error (a response OpenAI could not finish), then end. */
  failAfterEvents?: { after: number; code: string; message?: string }
  /**
   * After this many events, an SSE `error` event, then end. Its fields are flat as documented
   * ({type, code, message, param}); `nested` puts them under `error`, as some servers send it.
   */
  errorAfterEvents?: { after: number; code: string; message?: string; nested?: boolean }
}

export type FakeErrorReply = { status: number; type: string; code?: string | null; message?: string; retryAfter?: string }

export type FakeReply = FakeResponseReply | FakeErrorReply

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> }

/** The API key as sent: the `Authorization: Bearer` token. */
export const presentedKey = (headers: IncomingHttpHeaders): string | undefined => /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1]

const newId = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`

/** The fake's token count: characters of the JSON of instructions, input and tools, divided by 4, rounded up. */
export const fakeTokenCount = (body: Record<string, unknown>): number =>
  Math.ceil(JSON.stringify({ instructions: body.instructions, input: body.input, tools: body.tools }).length / 4)

function split(text: string, pieces: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / pieces))
  const parts: string[] = []
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size))
  return parts
}

const outputText = (item: FakeOutput) =>
  item.type === 'text' ? [item.text].flat().join('') : item.type === 'refusal' ? item.refusal : JSON.stringify(item.arguments)

type Resolved = {
  id: string
  createdAt: number
  items: Array<FakeOutput & { id: string; callId: string }>
  inputTokens: number
  outputTokens: number
}

function resolve(reply: FakeResponseReply, body: Record<string, unknown>): Resolved {
  const items = reply.output.map((item) =>
    item.type === 'function_call'
      ? { ...item, id: newId('fc_'), callId: item.call_id ?? newId('call_') }
      : { ...item, id: newId('msg_'), callId: '' },
  )
  const outputChars = items.reduce((sum, item) => sum + outputText(item).length, 0)
  return {
    id: newId('resp_'),
    createdAt: Math.floor(Date.now() / 1000),
    items,
    inputTokens: reply.usage?.input_tokens ?? fakeTokenCount(body),
    outputTokens: reply.usage?.output_tokens ?? Math.max(1, Math.ceil(outputChars / 4)),
  }
}

const contentPart = (item: FakeOutput, whole: boolean) =>
  item.type === 'refusal'
    ? { type: 'refusal', refusal: whole ? item.refusal : '' }
    : { type: 'output_text', annotations: [], logprobs: [], text: whole ? outputText(item) : '' }

function outputItem(item: Resolved['items'][number], done: boolean) {
  const status = done ? 'completed' : 'in_progress'
  if (item.type === 'function_call') {
    return { id: item.id, type: 'function_call', status, arguments: done ? outputText(item) : '', call_id: item.callId, name: item.name }
  }
  return { id: item.id, type: 'message', status, content: done ? [contentPart(item, true)] : [], role: 'assistant' }
}

type Ending = { status: 'in_progress' | 'completed' | 'incomplete' | 'failed'; reason?: string; error?: { code: string; message: string } }

function responseObject(body: Record<string, unknown>, resolved: Resolved, ending: Ending) {
  const finished = ending.status === 'completed' || ending.status === 'incomplete'
  return {
    id: resolved.id,
    object: 'response',
    created_at: resolved.createdAt,
    status: ending.status,
    background: false,
    error: ending.error ?? null,
    incomplete_details: ending.reason ? { reason: ending.reason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output: finished ? resolved.items.map((item) => outputItem(item, true)) : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: body.store ?? true,
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: body.tools ?? [],
    top_p: 1,
    truncation: 'disabled',
    usage: finished
      ? {
          input_tokens: resolved.inputTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: resolved.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: resolved.inputTokens + resolved.outputTokens,
        }
      : null,
    user: null,
    metadata: {},
  }
}

type SseEvent = { type: string; sequence_number: number } & Record<string, unknown>

/** The SSE events of a whole response, in OpenAI's order, numbered from 0. */
function streamEvents(body: Record<string, unknown>, resolved: Resolved, incompleteReason?: string): SseEvent[] {
  const events: SseEvent[] = []
  const push = (type: string, payload: Record<string, unknown>) => events.push({ type, sequence_number: events.length, ...payload })
  push('response.created', { response: responseObject(body, resolved, { status: 'in_progress' }) })
  push('response.in_progress', { response: responseObject(body, resolved, { status: 'in_progress' }) })
  resolved.items.forEach((item, output_index) => {
    const item_id = item.id
    push('response.output_item.added', { output_index, item: outputItem(item, false) })
    if (item.type === 'function_call') {
      for (const delta of split(outputText(item), item.pieces ?? 3)) {
        push('response.function_call_arguments.delta', { item_id, output_index, delta, obfuscation: 'x' })
      }
      push('response.function_call_arguments.done', { item_id, output_index, name: item.name, arguments: outputText(item) })
    } else {
      const part = { item_id, output_index, content_index: 0 }
      push('response.content_part.added', { ...part, part: contentPart(item, false) })
      if (item.type === 'text') {
        for (const delta of [item.text].flat()) push('response.output_text.delta', { ...part, delta, logprobs: [], obfuscation: 'x' })
        push('response.output_text.done', { ...part, text: outputText(item), logprobs: [] })
      } else {
        push('response.refusal.delta', { ...part, delta: item.refusal })
        push('response.refusal.done', { ...part, refusal: item.refusal })
      }
      push('response.content_part.done', { ...part, part: contentPart(item, true) })
    }
    push('response.output_item.done', { output_index, item: outputItem(item, true) })
  })
  const ending: Ending = incompleteReason ? { status: 'incomplete', reason: incompleteReason } : { status: 'completed' }
  push(incompleteReason ? 'response.incomplete' : 'response.completed', { response: responseObject(body, resolved, ending) })
  return events
}

const sse = (event: SseEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`

export async function startFakeOpenAI(options: { apiKey?: string; defaultReply?: FakeReply } = {}) {
  const queue: FakeReply[] = []
  const requests: RecordedRequest[] = []
  let closedEarly = 0

  const sendError = (response: ServerResponse, status: number, error: { type: string; code?: string | null; message: string; param?: string }, headers = {}) =>
    response
      .writeHead(status, { 'content-type': 'application/json', 'x-request-id': newId('req_'), ...headers })
      .end(JSON.stringify({ error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code ?? null } }))

  function streamReply(response: ServerResponse, reply: FakeResponseReply, events: SseEvent[], body: Record<string, unknown>, resolved: Resolved) {
    const limit = Math.min(
      reply.cutAfterEvents ?? reply.stallAfterEvents ?? reply.failAfterEvents?.after ?? reply.errorAfterEvents?.after ?? Infinity,
      events.length,
    )
    response.writeHead(200, { 'cache-control': 'no-cache', 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': newId('req_') })
    const sent = events.slice(0, limit).map(sse).join('')
    if (reply.failAfterEvents) {
      const { code, message = 'The server had an error while processing your request.' } = reply.failAfterEvents
      const failed = responseObject(body, resolved, { status: 'failed', error: { code, message } })
      return response.end(sent + sse({ type: 'response.failed', sequence_number: limit, response: failed }))
    }
    if (reply.errorAfterEvents) {
      const { code, message = 'An error occurred while processing your request.', nested } = reply.errorAfterEvents
      const fields = { code, message, param: null }
      return response.end(sent + sse({ type: 'error', sequence_number: limit, ...(nested ? { error: { type: code, ...fields } } : fields) }))
    }
    if (reply.cutAfterEvents !== undefined) return response.write(sent, () => response.socket?.destroy())
    if (reply.stallAfterEvents !== undefined) return response.write(sent)
    response.end(sent)
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
        return sendError(response, 400, { type: 'invalid_request_error', message: 'We could not parse the JSON body of your request.' })
      }
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      requests.push({ body, headers: request.headers, method: request.method ?? 'GET', path })

      const key = presentedKey(request.headers)
      if (!key) return sendError(response, 401, { type: 'invalid_request_error', message: "You didn't provide an API key." })
      if (options.apiKey && key !== options.apiKey) {
        return sendError(response, 401, { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' })
      }
      if (request.method !== 'POST' || (path !== '/v1/responses' && path !== '/v1/responses/input_tokens')) {
        return sendError(response, 404, { type: 'invalid_request_error', message: `Invalid URL (${request.method} ${path})` })
      }
      if (typeof body.model !== 'string') {
        return sendError(response, 400, { type: 'invalid_request_error', code: 'missing_required_parameter', param: 'model', message: "Missing required parameter: 'model'." })
      }
      if (path === '/v1/responses/input_tokens') {
        return response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ object: 'response.input_tokens', input_tokens: fakeTokenCount(body) }))
      }
      if (body.max_output_tokens !== undefined && !(Number.isInteger(body.max_output_tokens) && (body.max_output_tokens as number) >= 16)) {
        return sendError(response, 400, {
          type: 'invalid_request_error',
          code: 'integer_below_min_value',
          param: 'max_output_tokens',
          message: "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16.",
        })
      }

      const reply = queue.shift() ?? options.defaultReply
      if (!reply) return sendError(response, 400, { type: 'invalid_request_error', message: 'fakeOpenAI: no reply queued for this request' })
      if ('status' in reply) {
        const headers: Record<string, string> = reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter }
        return sendError(response, reply.status, { type: reply.type, code: reply.code, message: reply.message ?? reply.type }, headers)
      }
      const resolved = resolve(reply, body)
      if (body.stream === true) return streamReply(response, reply, streamEvents(body, resolved, reply.incompleteReason), body, resolved)
      const ending: Ending = reply.incompleteReason ? { status: 'incomplete', reason: reply.incompleteReason } : { status: 'completed' }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(responseObject(body, resolved, ending)))
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))

  return {
    /** The base URL to give the SDK (OPENAI_BASE_URL), with its /v1. */
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    /** Every request, in order, as the server received it. */
    requests,
    /** Requests to POST /v1/responses only. */
    responseRequests: () => requests.filter((recorded) => recorded.path === '/v1/responses'),
    /** Queues replies for the next calls to POST /v1/responses, in order. */
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

export type FakeOpenAI = Awaited<ReturnType<typeof startFakeOpenAI>>
