/** A `node:http` request as a Fetch `Request`, its body streamed, never buffered here. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request body as a web stream that, unlike `Readable.toWeb`, does not destroy the socket
 * when the handler stops reading early (a body over the limit): the 413 must still get out.
 * Nothing is read before the handler asks (high-water mark 0): a client that sent
 * `Expect: 100-continue` gets its `100 Continue` only then, so a body the handler refuses from
 * its headers alone (413, 401, 415) is never sent at all.
 */
/** Requests whose client was told `100 Continue`: it is sending the body now. */
export const continued = new WeakSet<IncomingMessage>();

const abandoners = new WeakMap<IncomingMessage, () => void>();
/** Stops feeding a body the handler never read into its stream, so the adapter may discard the rest. */
export const abandonBody = (req: IncomingMessage) => abandoners.get(req)?.();

/** Whether the request line and headers announce a body at all. */
export const announcesBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

function bodyStream(req: IncomingMessage, res: ServerResponse, awaitingContinue: boolean): ReadableStream<Uint8Array> {
  let done = false;
  let sentContinue = !awaitingContinue;
  abandoners.set(req, () => {
    done = true;
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          // Backpressure: read from the socket only as fast as the handler consumes.
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!done) controller.close();
          done = true;
        });
        req.on('error', (e) => {
          if (!done) controller.error(e);
          done = true;
        });
        req.pause();
      },
      pull() {
        if (!sentContinue) {
          sentContinue = true;
          continued.add(req);
          res.writeContinue();
        }
        req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Methods the Fetch API refuses to build a `Request` with; the listener answers them itself (405). */
export const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function toRequest(req: IncomingMessage, res: ServerResponse, signal: AbortSignal, awaitingContinue = false): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // Only this adapter may say who the client is; a client-sent value would dodge the rate limit.
    if (name === 'x-client-ip' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const address = req.socket.remoteAddress;
  if (address) headers.set('x-client-ip', address);

  // The Host header is the client's to choose; a malformed one must not turn into a 500.
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost');
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody && { body: bodyStream(req, res, awaitingContinue), duplex: 'half' }),
  } as RequestInit);
}

/** The path of a request line, parsed as leniently as `toRequest` does. */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL('/', 'http://localhost');
  }
}
