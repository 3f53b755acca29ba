/**
 * The demo host's back end for escalations, as a real host has one: the agent's page posts to
 * its own origin (`POST /demo/api/escalations`), and this adds the host's API key and hands the
 * request to the reference API, body and Idempotency-Key unchanged, answering with the API's
 * answer as it is (so the SDK client sees the receipt, the 409s and the 429's Retry-After the
 * API gave). The key stays on the server: the browser never holds it. The page also reads back
 * what it sent (`GET /demo/api/escalations?taskId=…`, `GET /demo/api/escalations/<id>`), with the
 * same key: the API answers a key only the escalations it sent.
 */
import type { FetchHandler } from '@escalate-kit/server/node';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

/**
 * Only the demo's own page may spend the key. Browsers send `Origin` on every POST and
 * `Sec-Fetch-Site` on every request, so a page on another origin (another port included) is
 * refused here; a client that sends neither is not a browser, and has no page to be tricked by.
 */
function fromOwnPage(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  return origin === null || origin === new URL(request.url).origin;
}

/**
 * @param api the reference API (the handler, called in this process: no second hop over the network)
 * @param apiKey the host's API key (`ek_…`), sent as `Authorization: Bearer`
 */
export function escalationRelay(api: FetchHandler, apiKey: string): FetchHandler {
  return async (request) => {
    const { pathname, search } = new URL(request.url);
    // Reading back what this host sent (client.get, client.list: the page's "My escalations").
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (!read && request.method !== 'POST')
      return json(405, { error: 'method_not_allowed', message: 'Use GET or POST' }, { allow: 'GET, HEAD, POST' });
    if (!fromOwnPage(request)) return json(403, { error: 'forbidden', message: 'Only the demo page may use the escalations here' });
    if (read && pathname === '/demo/api/handled') return json(405, { error: 'method_not_allowed', message: 'Use POST' }, { allow: 'POST' });
    if (read) {
      // The key is an agent's: the API answers only what this host sent, as to any host.
      const to = new URL(`/api/escalations${pathname.slice('/demo/api/escalations'.length)}${search}`, request.url);
      return api(new Request(to, { method: request.method, headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' } }));
    }
    // A POST sends an escalation, or reports a task handled without one (client.reportHandled).
    const target = { '/demo/api/escalations': '/api/escalations', '/demo/api/handled': '/api/handled' }[pathname];
    if (!target) return json(405, { error: 'method_not_allowed', message: 'Use GET' }, { allow: 'GET, HEAD' });
    const headers = new Headers({ authorization: `Bearer ${apiKey}` });
    // x-client-ip is the browser's socket address, set by the Node adapter: the API's rate limit
    // then counts each agent's browser, not the demo's back end as one client.
    for (const name of ['content-type', 'idempotency-key', 'accept', 'x-client-ip']) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    return api(
      new Request(new URL(target, request.url), {
        method: 'POST',
        headers,
        body: request.body,
        signal: request.signal,
        duplex: 'half',
      } as RequestInit),
    );
  };
}
