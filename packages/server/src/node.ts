/**
 * `node:http` ↔ Fetch: serve a Fetch-standard handler from Node without a framework, or mount
 * it in anything that takes `(req, res)` (Express, Connect, Vite's dev server).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// What only Node can do: the demo's way in keeps its plain values in a file.
export { ensureDemoAccess, DEMO_LEAD_EMAIL, type DemoAccess, type DemoAccessOptions } from './auth/demo-access.ts';

/** Anything that answers a Request, such as the handler of `createEscalationHandler`. */
export type FetchHandler = (request: Request) => Promise<Response> | Response;

/**
 * The request body as a web stream that, unlike `Readable.toWeb`, does not destroy the socket
 * when the handler stops reading early (a body over the limit): the 413 must still get out.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let done = false;
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
        req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 1 },
  );
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
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
    ...(hasBody && { body: bodyStream(req), duplex: 'half' }),
  } as RequestInit);
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  // The handler answered without reading the whole body (e.g. 413): close the connection rather
  // than keep reading a body nobody wants just to reuse the socket.
  if (!req.complete) res.setHeader('connection', 'close');

  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch (e) {
    res.destroy(e instanceof Error ? e : undefined);
  }
}

/**
 * Wraps a Fetch-standard handler as a `node:http` request listener. The request body is
 * streamed (never buffered here), the client's socket address is passed in `x-client-ip`
 * (any incoming `x-client-ip` is dropped first), and a client that goes away aborts `request.signal`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(8787);
 * // or inside Express / Connect:
 * app.use('/api', toNodeListener(handler));
 * ```
 */
export function toNodeListener(handler: FetchHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      let response: Response;
      try {
        response = await handler(toRequest(req, abort.signal));
      } catch (e) {
        console.error('escalate-kit: the handler threw', e);
        response = new Response(JSON.stringify({ error: 'internal_error' }), {
          status: 500,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        });
      }
      if (res.headersSent || res.destroyed) return;
      await writeResponse(response, req, res);
    })();
  };
}

export interface ServeOptions {
  /**
   * What answers the requests.
   * @example serve({ handler: createEscalationHandler({ store }) })
   */
  handler: FetchHandler;
  /**
   * The TCP port; 0 picks a free one (read it from `url`).
   * @default 0
   * @example serve({ handler, port: 8787 })
   */
  port?: number;
  /**
   * The interface to listen on. Loopback by default, so nothing is exposed to the network by accident.
   * @default '127.0.0.1'
   * @example serve({ handler, host: '0.0.0.0' })
   */
  host?: string;
}

export interface RunningServer {
  /** E.g. `http://127.0.0.1:8787`, without a trailing slash. */
  url: string;
  server: Server;
  /** Stops accepting connections, closes idle ones and resolves when the server has stopped. */
  close(): Promise<void>;
}

/**
 * Starts a `node:http` server for a handler.
 *
 * @example
 * ```ts
 * const { url, close } = await serve({ handler, port: 8787 });
 * console.log(`Escalations at ${url}/api/escalations`);
 * process.on('SIGINT', () => close().then(() => handler.close()));
 * ```
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(toNodeListener(options.handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${shown}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeIdleConnections();
      }),
  };
}
