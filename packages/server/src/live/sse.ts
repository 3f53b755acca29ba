/**
 * A stream of live events as Server-Sent Events (the `text/event-stream` format of the HTML
 * standard): `retry:` first, then one `event:`/`data:` block per event this reader may see, and a
 * comment line every `heartbeatMs` so proxies keep the connection and a dead one is noticed. No
 * `id:` lines: nothing is replayed, so a client reloads what it shows whenever it (re)connects.
 */
import { API_HEADERS } from '../http/responses.ts';
import type { LiveEvent, LiveEvents } from './event.ts';

export interface SseOptions {
  events: LiveEvents;
  /** Whether this reader may see `event`. */
  accept: (event: LiveEvent) => boolean;
  /** The request's signal: the client went away. */
  signal: AbortSignal;
  heartbeatMs: number;
  /** What `retry:` tells the client to wait before reconnecting, in ms. */
  retryMs: number;
  /** Where the stream registers how to end it, until it ends (the handler's `close()` ends them all). */
  open: Set<() => void>;
}

const encoder = new TextEncoder();

/** One event's block: the type and the data as one line of JSON (JSON.stringify never writes a newline). */
export const sseBlock = (event: LiveEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;

/** Subscribes, then answers 200 with the stream; the subscription ends with the stream. */
export async function sseResponse({ events, accept, signal, heartbeatMs, retryMs, open }: SseOptions): Promise<Response> {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  // Events that come before the stream starts (none in practice: `start` runs at once) wait here.
  const early: string[] = [];
  const send = (text: string) => {
    if (ended) return;
    if (!controller) early.push(text);
    else controller.enqueue(encoder.encode(text));
  };
  // Subscribed before answering, so nothing committed after the client sees the headers is missed.
  const unsubscribe = await events.subscribe(
    (event) => {
      if (accept(event)) send(sseBlock(event));
    },
    () => end(true),
  );
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
  // A stream must never keep a process alive on its own.
  (heartbeat as { unref?: () => void }).unref?.();
  const onAbort = () => end(false);

  function end(closeStream: boolean) {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
    open.delete(stop);
    if (closeStream && controller) {
      try {
        controller.close();
      } catch {
        // Already closed or errored by the reader: nothing left to end.
      }
    }
  }
  const stop = () => end(true);
  open.add(stop);
  signal.addEventListener('abort', onAbort);

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(`retry: ${retryMs}\n: connected\n\n${early.join('')}`));
      early.length = 0;
      if (ended) c.close();
    },
    cancel: () => end(false),
  });
  if (signal.aborted) end(true);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      ...API_HEADERS,
      // Proxies such as nginx would otherwise hold events back to fill a buffer.
      'x-accel-buffering': 'no',
    },
  });
}
