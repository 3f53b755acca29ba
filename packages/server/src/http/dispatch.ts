/**
 * From a request to its route's answer, and the HTTP rules every route shares: 404 for an
 * unknown path, 414 for an absurd URL, 405 with `Allow` for a method the path does not have,
 * HEAD wherever GET is (the same headers, no body), OPTIONS (CORS preflights), 413 from the
 * declared length before anything is read, the auth gate, and no 500 but for a fault of the
 * server's own, logged once with the id its body names.
 */
import type { ServerLogger } from '../log.ts';
import type { Principal } from '../auth/principal.ts';
import type { Route, Routes } from '../routes/route.ts';
import { BodyTooLarge } from './body.ts';
import type { Cors } from './cors.ts';
import { readsWhole, withPlainBody } from './plain-bodies.ts';
import { error, notFound } from './responses.ts';

/** Longer than any URL this API makes (ids, a cursor, filters), far shorter than what would cost anything. */
const MAX_URL = 8192;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface DispatchOptions {
  routes: Routes[];
  gate: (request: Request, route: Route, method: string) => Promise<Principal | undefined | Response>;
  cors: Cors;
  bodyLimit: number;
  onError: (error: unknown, info: { errorId: string }) => void;
  log: ServerLogger;
}

/** The client went away mid-request: nothing to answer and nothing wrong with the server. */
function clientWentAway(request: Request, e: unknown): boolean {
  if (request.signal.aborted) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return (
    (e instanceof Error && (e.name === 'AbortError' || e.message === 'aborted')) ||
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE'
  );
}

export function createDispatch({ routes, gate, cors, bodyLimit, onError, log }: DispatchOptions): (request: Request) => Promise<Response> {
  const find = (path: string): Route | undefined => {
    for (const r of routes) {
      const found = r(path);
      if (found) return found;
    }
    return undefined;
  };

  async function respond(request: Request): Promise<Response> {
    if (request.url.length > MAX_URL) return error(414, { error: 'uri_too_long', message: `URLs must be at most ${MAX_URL} characters` });
    const found = find(new URL(request.url).pathname);
    if (!found) return notFound();
    // Only a preflight and a 405 name the methods.
    const allowed = () => [...Object.keys(found.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])), 'OPTIONS'].join(', ');
    if (request.method === 'OPTIONS') return cors.preflight(request, allowed());
    const method = request.method === 'HEAD' && found.methods.GET ? 'GET' : request.method;
    const run = found.methods[method];
    if (!run) {
      const allow = allowed();
      return error(405, { error: 'method_not_allowed', message: `Use ${allow}` }, { allow });
    }
    // Refused from the declared length alone, before auth or anything reads a byte of the body.
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (BODY_METHODS.has(method) && declared > bodyLimit) throw new BodyTooLarge(bodyLimit);
    const principal = await gate(request, found, method);
    if (principal instanceof Response) return principal;
    const response = await run(request, { principal });
    if (request.method !== 'HEAD') return response;
    await response.body?.cancel();
    return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  return async (request) => {
    let response: Response;
    try {
      response = await respond(request);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        response = error(413, { error: 'payload_too_large', message: e.message });
      } else if (clientWentAway(request, e)) {
        // Expected: a closed tab, a timeout. One line, no stack, and no one to answer.
        log.info({ event: 'client_went_away', method: request.method }, 'the client went away');
        response = error(499, { error: 'client_closed_request' });
      } else {
        const errorId = crypto.randomUUID();
        onError(e, { errorId });
        response = error(500, {
          error: 'internal_error',
          message: `Something went wrong on the server. Quote ${errorId} when you report it.`,
          errorId,
        });
      }
    }
    const answer = cors.decorate(request, response);
    // The Node adapter writes a JSON answer's text itself; anyone else reads it from the body.
    return readsWhole(request) ? answer : withPlainBody(answer);
  };
}
