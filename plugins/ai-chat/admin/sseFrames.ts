// Server-sent events read from a fetch body (EventSource cannot POST). Network chunks end anywhere, inside a
// line or a multi-byte character, so text is decoded as a stream and only whole frames (ended by a blank line)
// come out; the rest waits for the next chunk.

export type SseFrame = { data: string; event: string }

/** A parser holding what is left of the last chunk: feed it text, get the frames it completed. */
export function sseFrameParser(): (text: string) => SseFrame[] {
  let buffer = ''
  return (text) => {
    buffer += text
    // A CR at the very end may be half of a CRLF: it waits, so the LF after it does not make a blank line.
    const held = buffer.endsWith('\r') ? '\r' : ''
    const normalised = (held ? buffer.slice(0, -1) : buffer).replace(/\r\n?/g, '\n')
    const frames: SseFrame[] = []
    let start = 0
    for (let end = normalised.indexOf('\n\n'); end !== -1; end = normalised.indexOf('\n\n', start)) {
      const frame = parseFrame(normalised.slice(start, end))
      if (frame) frames.push(frame)
      start = end + 2
    }
    buffer = normalised.slice(start) + held
    return frames
  }
}

function parseFrame(block: string): null | SseFrame {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  return data.length > 0 ? { data: data.join('\n'), event } : null
}

/** Every frame of a streamed body, in order, as the chunks arrive. */
export async function readSseFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: SseFrame) => void): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parse = sseFrameParser()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parse(decoder.decode(value, { stream: true })).forEach(onFrame)
  }
  // What the decoder held, and a last frame the server ended without its blank line.
  parse(`${decoder.decode()}\n\n`).forEach(onFrame)
}
