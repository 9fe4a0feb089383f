// Node's writable output as a pull-based web stream for a Response: the producer starts on the first read,
// and a reader that goes away destroys the output (and so stops the producer at its next write).
import type { Readable } from 'node:stream'

/** A pull-based web stream over `output`, whose writer `produce` starts on the first read. */
export function webStreamOf(output: Readable, produce: () => Promise<void>): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Uint8Array> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async cancel() {
        output.destroy()
        await chunks?.return?.()
      },
      async pull(controller) {
        if (!chunks) {
          chunks = output[Symbol.asyncIterator]()
          produce().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))))
        }
        const chunk = await chunks.next()
        if (chunk.done) controller.close()
        else controller.enqueue(chunk.value)
      },
    },
    { highWaterMark: 0 },
  )
}
