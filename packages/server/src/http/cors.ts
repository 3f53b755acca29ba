/**
 * Cross-origin calls from the pages of the configured origins: preflights, and the headers on
 * every answer. Without origins no CORS header is ever sent (same-origin use only).
 */
import { error } from './responses.ts';

// Answered to a preflight that names no headers. One that does gets its own list back, so a host
// may add headers of its own (a CSRF token, a tracing id) without a change here.
const ALLOWED_REQUEST_HEADERS = 'content-type, authorization, idempotency-key';
// A comma-separated list of header names (RFC 9110 tokens), as a browser sends it.
const HEADER_LIST = /^[!#$%&'*+.^_`|~0-9a-z-]+(?:[ \t]*,[ \t]*[!#$%&'*+.^_`|~0-9a-z-]+)*$/i;
// Retry-After is not a CORS-safelisted response header: without this a page on another origin
// could not honour it on a 429.
const EXPOSED_HEADERS = 'retry-after, location';

/** The headers a preflight asked for, when they are a well-formed list; else the fixed list. */
function allowedHeaders(requested: string | null): string {
  const list = requested?.trim();
  if (!list || !HEADER_LIST.test(list)) return ALLOWED_REQUEST_HEADERS;
  return [
    ...new Set(
      list
        .toLowerCase()
        .split(',')
        .map((h) => h.trim()),
    ),
  ].join(', ');
}

export interface Cors {
  /** The answer to `OPTIONS` on a route whose methods are `allow`. */
  preflight(request: Request, allow: string): Response;
  /** Adds `Vary` and, for an allowed origin, the CORS headers to an answer. */
  decorate(request: Request, response: Response): Response;
}

export function createCors(origins: readonly string[] | undefined): Cors {
  function allowedOrigin(origin: string | null): string | undefined {
    if (!origins || origin === null) return undefined;
    return origins.includes(origin) || origins.includes('*') ? origin : undefined;
  }

  return {
    preflight(request, allow) {
      const origin = request.headers.get('origin');
      const preflight = origin !== null && request.headers.has('access-control-request-method');
      if (!preflight || !origins) return new Response(null, { status: 204, headers: { allow } });
      if (!allowedOrigin(origin)) return error(403, { error: 'forbidden', message: `Origin ${origin} may not call this API` });
      return new Response(null, {
        status: 204,
        headers: {
          allow,
          'access-control-allow-origin': origin,
          'access-control-allow-methods': allow,
          'access-control-allow-headers': allowedHeaders(request.headers.get('access-control-request-headers')),
          'access-control-max-age': '600',
        },
      });
    },

    decorate(request, response) {
      if (!origins) return response;
      // Caches must not hand one origin's answer (with or without CORS headers) to another, nor a
      // preflight's answer to one that asked for other headers.
      response.headers.append('vary', request.method === 'OPTIONS' ? 'Origin, Access-Control-Request-Headers' : 'Origin');
      const origin = allowedOrigin(request.headers.get('origin'));
      if (origin) {
        response.headers.set('access-control-allow-origin', origin);
        response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
      }
      return response;
    },
  };
}
