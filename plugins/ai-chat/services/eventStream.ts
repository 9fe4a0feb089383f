// Server-Sent Events out of an async job: `send` frames an event; a client that goes away stops the sending,
// not the job (which settles what it spent).

export type SendEvent = (event: string, data: unknown) => void
export type ClientState = { readonly gone: boolean }

const encoder = new TextEncoder()

/** A text/event-stream response fed by `run`; it closes when `run` ends, whether it throws or not. */
export function eventStreamResponse(run: (send: SendEvent, client: ClientState) => Promise<void>, onUnexpected: (error: unknown) => void): Response {
  const client = { gone: false }
  const body = new ReadableStream<Uint8Array>({
    cancel() {
      client.gone = true
    },
    start(controller) {
      const send: SendEvent = (event, data) => {
        if (client.gone) return
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
        } catch {
          client.gone = true // closed under us
        }
      }
      // Not awaited: the response must start flowing while the job runs.
      void run(send, client)
        .catch(onUnexpected)
        .finally(() => {
          if (client.gone) return
          try {
            controller.close()
          } catch {
            // already closed
          }
        })
    },
  })
  return new Response(body, {
    headers: {
      // no-transform: a compressing proxy (or Next's own gzip) would otherwise hold events back.
      'Cache-Control': 'private, no-store, no-transform',
      'Content-Type': 'text/event-stream; charset=utf-8',
      'X-Accel-Buffering': 'no',
    },
  })
}
