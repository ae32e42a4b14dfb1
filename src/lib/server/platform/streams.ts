import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Flow control for streamed answers. Astro writes a response body to the socket without waiting
 * when the socket is full, so a download pulled faster than the reader takes it would pile up in
 * the server's memory. The start script runs each request with a function that resolves once the
 * response can take more (`withResponseFlow`); the streams below wait for it before producing the
 * next piece. Shared through the global object: the bundled server and the start script each load
 * their own copy of this module.
 */
type WhenWritable = () => Promise<void>;
const flowKey = Symbol.for('posvet.responseFlow');
const flow: AsyncLocalStorage<WhenWritable> = ((globalThis as Record<symbol, unknown>)[flowKey] as AsyncLocalStorage<WhenWritable> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[flowKey] = new AsyncLocalStorage<WhenWritable>());

/** Runs a request's handling with its response's flow control. */
export function withResponseFlow<T>(whenWritable: WhenWritable, work: () => T): T {
  return flow.run(whenWritable, work);
}

/** What waits until the current request's response can take more (nothing outside the start script). */
export function responseWritable(): WhenWritable {
  return flow.getStore() ?? (async () => {});
}

/**
 * Text produced piece by piece (an async generator) as a byte stream for a response: pulling drives
 * the generator, and only as fast as the reader takes it, so a large export never piles up in
 * memory; a cancelled download stops it.
 */
export function textStream(pieces: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const writable = responseWritable();
  return new ReadableStream(
    {
      async pull(controller) {
        await writable();
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
