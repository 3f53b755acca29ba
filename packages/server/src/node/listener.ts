/**
 * `toNodeListener`: a Fetch-standard handler as a `node:http` request listener, with what only
 * the adapter can do: `Expect: 100-continue`, the methods Fetch cannot carry, a body nobody read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TAKES_WHOLE_BODIES } from '../http/plain-bodies.ts';
import { FETCH_FORBIDDEN_METHODS, requestUrl, toLightRequest, toRequest } from './request.ts';
import { writeResponse, type WriteOptions } from './response.ts';

/** Anything that answers a Request, such as the handler of `createEscalationHandler`. */
export type FetchHandler = (request: Request) => Promise<Response> | Response;

export interface NodeListenerOptions {
  /**
   * The most bytes of a request body discarded after an answer given without reading it (413,
   * 401, 415), so a client that did not wait for `100 Continue` reads the answer instead of a
   * reset connection. Past it the socket is cut.
   * @default 16_777_216 (16 MiB)
   * @example toNodeListener(handler, { drainBytes: 1_048_576 })
   */
  drainBytes?: number;
  /**
   * How long that discarding may take, in ms.
   * @default 10_000
   * @example toNodeListener(handler, { drainMs: 2000 })
   */
  drainMs?: number;
  /**
   * Told when the handler throws (the handler of `createEscalationHandler` never does: it answers 500 itself).
   * @default console.error of one line with the error id
   * @example toNodeListener(handler, { onError: (e, { errorId }) => log.error({ err: e, errorId }) })
   */
  onError?: (error: unknown, info: { errorId: string }) => void;
}

function jsonAnswer(status: number, body: object, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/**
 * CONNECT, TRACE and TRACK cannot be a Fetch `Request`. The handler is asked what the path
 * allows (an OPTIONS without an Origin), and the answer is 405 with that `Allow`, or its 404.
 */
export async function forbiddenMethod(handler: FetchHandler, req: IncomingMessage, method: string): Promise<Response> {
  const probe = await handler(new Request(requestUrl(req), { method: 'OPTIONS' }));
  await probe.body?.cancel();
  if (probe.status === 404) return jsonAnswer(404, { error: 'not_found' });
  const allow = probe.headers.get('allow') ?? 'GET, HEAD, POST, PATCH, DELETE, OPTIONS';
  return jsonAnswer(405, { error: 'method_not_allowed', message: `${method} is not served here: use ${allow}` }, { allow });
}

/**
 * Wraps a Fetch-standard handler as a `node:http` request listener. The request body is
 * streamed (never read before the handler asks; the handler of `createEscalationHandler` is
 * given it whole, up to its limit, without a stream), the client's socket address is passed in `x-client-ip`
 * (any incoming `x-client-ip` is dropped first), and a client that goes away aborts `request.signal`.
 * Its `checkContinue` is the listener of the server's `checkContinue` event (`serve` sets it
 * up): the `100 Continue` goes out only when the handler starts reading the body.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(8787);
 * // or inside Express / Connect:
 * app.use('/api', toNodeListener(handler));
 * ```
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener {
  // The event streams being written, each with how to end it (`closeStreams`).
  const streams = new Set<() => void>();
  const write: WriteOptions = { drainBytes: options.drainBytes ?? 16 * 1024 * 1024, drainMs: options.drainMs ?? 10_000, streams };
  const onError =
    options.onError ??
    ((e: unknown, { errorId }: { errorId: string }) => console.error(`escalate-kit: the handler threw (${errorId}): ${String(e)}`));
  // The handler of `createEscalationHandler` reads bodies whole: it gets them without web streams.
  const light = (handler as { [TAKES_WHOLE_BODIES]?: unknown })[TAKES_WHOLE_BODIES] === true;
  const listen = (req: IncomingMessage, res: ServerResponse, awaitingContinue: boolean) => {
    // Made only when someone looks at `request.signal` (most requests never do), aborted already if the client left.
    let abort: AbortController | undefined;
    let gone = false;
    const signal = () => {
      if (!abort) {
        abort = new AbortController();
        if (gone) abort.abort();
      }
      return abort.signal;
    };
    res.once('close', () => {
      if (res.writableFinished) return;
      gone = true;
      abort?.abort();
    });
    void (async () => {
      let response: Response;
      const method = req.method ?? 'GET';
      try {
        response = FETCH_FORBIDDEN_METHODS.has(method)
          ? await forbiddenMethod(handler, req, method)
          : await handler(light ? toLightRequest(req, res, signal, awaitingContinue) : toRequest(req, res, signal(), awaitingContinue));
      } catch (e) {
        const errorId = crypto.randomUUID();
        onError(e, { errorId });
        response = jsonAnswer(500, { error: 'internal_error', errorId });
      }
      if (res.headersSent || res.destroyed) return;
      await writeResponse(response, req, res, write);
    })();
  };
  return Object.assign((req: IncomingMessage, res: ServerResponse) => listen(req, res, false), {
    checkContinue: (req: IncomingMessage, res: ServerResponse) => listen(req, res, true),
    closeStreams: () => {
      for (const stop of [...streams]) stop();
    },
  });
}

/** A request listener, and the listener of the server's `checkContinue` event. */
export interface NodeListener {
  (req: IncomingMessage, res: ServerResponse): void;
  /** `server.on('checkContinue', listener.checkContinue)`: `100 Continue` only when the handler reads the body. */
  checkContinue(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every event stream (`text/event-stream`) being written, as a server about to close must. */
  closeStreams(): void;
}
