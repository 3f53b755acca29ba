/**
 * A `node:http` request as a Fetch `Request`: its body streamed, or read whole when the handler
 * asks for it whole (light-request.ts); never read before the handler asks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyStream } from './body-stream.ts';
import { LightRequest } from './light-request.ts';

/** Methods the Fetch API refuses to build a `Request` with; the listener answers them itself (405). */
export const FETCH_FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * The request's headers as name and value pairs (a `Headers` built from them once, by the
 * `Request`), with the client's socket address as `x-client-ip`.
 */
function headerPairs(req: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    // Only this adapter may say who the client is; a client-sent value would dodge the rate limit.
    if (name === 'x-client-ip' || value === undefined) continue;
    if (typeof value === 'string') pairs.push([name, value]);
    else for (const v of value) pairs.push([name, v]);
  }
  const address = req.socket.remoteAddress;
  if (address) pairs.push(['x-client-ip', address]);
  return pairs;
}

export function toRequest(req: IncomingMessage, res: ServerResponse, signal: AbortSignal, awaitingContinue = false): Request {
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(requestUrl(req, req.url ?? '/'), {
    method,
    headers: headerPairs(req),
    signal,
    ...(hasBody && { body: bodyStream(req, res, awaitingContinue), duplex: 'half' }),
  } as RequestInit);
}

/** The same request for a handler that takes whole bodies: no stream, no signal until asked for (light-request.ts). */
export function toLightRequest(req: IncomingMessage, res: ServerResponse, signal: () => AbortSignal, awaitingContinue: boolean): Request {
  const init = { method: req.method ?? 'GET', headers: headerPairs(req) };
  return new LightRequest(requestUrl(req, req.url ?? '/'), init, { req, res, awaitingContinue, signal });
}

/**
 * The URL of a request line. The Host header is the client's to choose; a malformed one must not
 * turn into a 500: the URL is then `fallbackPath` on localhost.
 */
export function requestUrl(req: IncomingMessage, fallbackPath = '/'): URL {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(fallbackPath, 'http://localhost');
  }
}
