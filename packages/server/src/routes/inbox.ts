/**
 * The account-team inbox page, `GET /inbox` and `GET /inbox/app.js`. Open without a token: the
 * page asks for it and sends it with its own API calls.
 */
import type { Routes } from './route.ts';

function page(body: string, contentType: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      // The inbox has buttons that change data: no other site may frame it and trick a click.
      'content-security-policy': "frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    },
  });
}

/** No routes at all without `inbox`: `/inbox` is then a 404 like any unknown path. */
export const inboxRoutes =
  (inbox: { html: string; script: string } | undefined): Routes =>
  (path) => {
    if (!inbox) return undefined;
    if (path === '/inbox' || path === '/inbox/')
      return { api: false, methods: { GET: () => page(inbox.html, 'text/html; charset=utf-8') } };
    if (path === '/inbox/app.js') return { api: false, methods: { GET: () => page(inbox.script, 'text/javascript; charset=utf-8') } };
    return undefined;
  };
